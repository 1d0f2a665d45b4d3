using BIS.Domain.Feeds;
using BIS.Ingest.Alarms;
using BIS.Ingest.Database;
using BIS.Ingest.Feeds;
using BIS.Ingest.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BIS.Ingest.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// One durable Quartz job per configured feed, fired by its cron. In-memory store on a single node;
    /// the clustered ADO store on PostgreSQL when Ingest:Clustered is on, so N workers share the schedule.
    /// </summary>
    public static IServiceCollection AddFeedScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var ingest = configuration.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new IngestOptions();
        var feeds = configuration.GetSection(FeedsOptions.Section).Get<FeedsOptions>() ?? new FeedsOptions();
        var retention = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        services.AddSingleton<FeedTrigger>();
        if (!ingest.RunScheduler)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            if (ingest.Clustered)
            {
                // The job store belongs to the ingest side: the schema owner's connection, which also creates its tables.
                var connectionString = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.OwnerOrRuntimeConnectionString
                    ?? throw new InvalidOperationException("Ingest:Clustered needs Database:ConnectionString.");
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(_ => { });
                    // Quartz owns its tables (qrtz_*) and their versioned layout; it creates them when
                    // missing and refuses to start on an outdated layout rather than misbehave.
                    store.ProvisionSchema();
                });
            }

            foreach (var (slug, source) in feeds.Sources)
            {
                if (!FeedKindNames.TryParse(slug, out var feed))
                {
                    continue; // The options validator reports unknown feed names at start-up.
                }

                var key = FeedJob.KeyFor(feed);
                quartz.AddJob<FeedJob>(job => job.WithIdentity(key).StoreDurably().UsingJobData(FeedJob.FeedKey, feed.Slug()));
                if (source.Enabled)
                {
                    quartz.AddTrigger(trigger => trigger
                        .ForJob(key)
                        .WithIdentity(feed.Slug() + "-cron", "feeds")
                        .WithCronSchedule(source.Cron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
                }
            }

            var alarms = configuration.GetSection(AlarmOptions.Section).Get<AlarmOptions>() ?? new AlarmOptions();
            quartz.AddJob<AlarmCheckJob>(job => job.WithIdentity(AlarmCheckJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(AlarmCheckJob.Key)
                .WithIdentity("feed-alarms-cron", "alarms")
                .WithCronSchedule(alarms.CheckCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            quartz.AddJob<IndexRefreshJob>(job => job.WithIdentity(IndexRefreshJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(IndexRefreshJob.Key)
                .WithIdentity("hazard-rules-cron", "index")
                .WithCronSchedule(ingest.IndexRefreshCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // At start: a department that edited a threshold and restarted sees every building judged by it.
            quartz.AddTrigger(trigger => trigger
                .ForJob(IndexRefreshJob.Key)
                .WithIdentity("hazard-rules-at-start", "index")
                .UsingJobData(IndexRefreshJob.OnlyIfRulesChangedKey, true)
                .StartNow());

            if (retention.Enabled)
            {
                quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key).StoreDurably());
                quartz.AddTrigger(trigger => trigger
                    .ForJob(RetentionJob.Key)
                    .WithIdentity("retention-cron", "maintenance")
                    .WithCronSchedule(retention.Cron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });

        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
