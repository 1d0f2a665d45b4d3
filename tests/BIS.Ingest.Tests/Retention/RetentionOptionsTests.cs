using BIS.Ingest.Retention;
using BIS.Ingest.Scheduling;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace BIS.Ingest.Tests.Retention;

/// <summary>Retention settings are checked at start, the owner's connection is picked up, and the scheduler runs the pruning on the configured cron.</summary>
public sealed class RetentionOptionsTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=bis;Username=bis;Password=bis";

    [Theory]
    [InlineData("Retention:AuditLogDays", "30")]
    [InlineData("Retention:RejectedRowRunsPerFeed", "0")]
    [InlineData("Retention:FeedRunDays", "7")]
    [InlineData("Retention:Cron", "every night")]
    public async Task A_setting_that_would_wipe_the_history_or_never_run_refuses_the_start(string key, string value)
    {
        using var host = IngestHost.Build(Unreachable, null, new Dictionary<string, string?> { [key] = value });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(key.Split(':')[1], refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pruner_deletes_audit_rows_through_the_owners_data_source()
    {
        using var host = IngestHost.Build(Unreachable, null, new Dictionary<string, string?> { ["Database:OwnerConnectionString"] = Owner });

        var owner = host.Services.GetRequiredKeyedService<Npgsql.NpgsqlDataSource>(BIS.Ingest.Database.BisDataSource.OwnerKey);
        Assert.Equal("bis_owner", new Npgsql.NpgsqlConnectionStringBuilder(owner.ConnectionString).Username);
        Assert.NotNull(host.Services.GetRequiredService<RetentionPruner>());
    }

    private const string Owner = "Host=127.0.0.1;Port=1;Database=bis;Username=bis_owner";

    [Fact]
    public async Task The_scheduler_prunes_nightly_on_the_configured_cron()
    {
        using var host = IngestHost.Build(Unreachable, null, new Dictionary<string, string?>
        {
            ["Ingest:RunScheduler"] = "true",
            ["Retention:Cron"] = "0 5 1 * * ?",
        });

        // The scheduler is built (its jobs and triggers added) but not started: nothing runs.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("retention-cron", "maintenance")));
        Assert.Equal("0 5 1 * * ?", trigger.CronExpressionString);
        Assert.Equal(RetentionJob.Key, trigger.JobKey);
    }
}
