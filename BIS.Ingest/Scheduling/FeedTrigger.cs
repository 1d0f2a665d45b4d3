using BIS.Domain.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BIS.Ingest.Scheduling;

/// <summary>Runs a feed now, through the scheduler so the one-run-at-a-time rule still holds.</summary>
public sealed class FeedTrigger(IServiceProvider services)
{
    /// <param name="feed">The feed to run.</param>
    /// <param name="requestedBy">Who asked, recorded as the run's trigger.</param>
    /// <param name="cancellationToken">Cancels the request to the scheduler, not the run.</param>
    /// <param name="accept">Apply the feed's last run, refused by a judgment gate, on purpose (the steward board's "Accept anyway").</param>
    public async Task TriggerNowAsync(FeedKind feed, string requestedBy, CancellationToken cancellationToken, bool accept = false)
    {
        var schedulers = services.GetService<ISchedulerFactory>()
            ?? throw new SchedulerException("The feed scheduler does not run in this process (Ingest:RunScheduler is off).");
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var data = new JobDataMap
        {
            [FeedJob.FeedKey] = feed.Slug(),
            [FeedJob.TriggerKey] = $"manual:{requestedBy}",
        };
        if (accept)
        {
            data[FeedJob.AcceptedByKey] = requestedBy;
        }

        await scheduler.TriggerJob(FeedJob.KeyFor(feed), data, cancellationToken);
    }
}
