using BIS.Domain.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BIS.Ingest.Scheduling;

/// <summary>Runs a feed now, through the scheduler so the one-run-at-a-time rule still holds.</summary>
public sealed class FeedTrigger(IServiceProvider services)
{
    public async Task TriggerNowAsync(FeedKind feed, string requestedBy, CancellationToken cancellationToken)
    {
        var schedulers = services.GetService<ISchedulerFactory>()
            ?? throw new SchedulerException("The feed scheduler does not run in this process (Ingest:RunScheduler is off).");
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var data = new JobDataMap
        {
            [FeedJob.FeedKey] = feed.Slug(),
            [FeedJob.TriggerKey] = $"manual:{requestedBy}",
        };
        await scheduler.TriggerJob(FeedJob.KeyFor(feed), data, cancellationToken);
    }
}
