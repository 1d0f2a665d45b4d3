using BIS.Domain.Feeds;
using BIS.Ingest.Alarms;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BIS.Ingest.Scheduling;

/// <summary>One Quartz job per feed. Never two runs of the same feed at once, on one node or many.</summary>
[DisallowConcurrentExecution]
public sealed class FeedJob(FeedRunner runner, AlarmEvaluator alarms, ILogger<FeedJob> logger) : IJob
{
    public const string FeedKey = "feed";
    public const string TriggerKey = "trigger";
    public const string ForceKey = "force";

    /// <summary>Who applies the feed's refused run on purpose (<see cref="RunAcceptance"/>); absent for an ordinary run.</summary>
    public const string AcceptedByKey = "acceptedBy";

    public static JobKey KeyFor(FeedKind feed) => new(feed.Slug(), "feeds");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        if (!FeedKindNames.TryParse(Text(data, FeedKey), out var feed))
        {
            throw new JobExecutionException($"Job {context.JobDetail.Key} names no known feed.");
        }

        var trigger = Text(data, TriggerKey) ?? "schedule";
        var force = bool.TryParse(Text(data, ForceKey), out var forced) && forced;
        var acceptance = Text(data, AcceptedByKey) is { Length: > 0 } by ? new RunAcceptance(by) : null;
        context.Result = await runner.RunAsync(feed, trigger, cancellationToken, force, acceptance);
        try
        {
            // A refused or failed run, or a collapsed match rate, reaches the steward now, not at the next check.
            await alarms.EvaluateAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Feed alarms could not be checked after the {Feed} run; the next scheduled check will.", feed.Slug());
        }
    }

    private static string? Text(JobDataMap data, string key) => data.TryGetValue(key, out var value) ? value?.ToString() : null;
}
