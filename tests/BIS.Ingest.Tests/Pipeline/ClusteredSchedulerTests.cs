using BIS.Domain.Feeds;
using BIS.Ingest.Scheduling;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// Two ingest nodes in one Quartz cluster on the same PostgreSQL (the scaled-out shape): both join
/// the cluster, and a feed triggered on one node runs exactly once.
/// </summary>
public sealed class ClusteredSchedulerTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _city.Dispose();

    [Fact]
    public async Task A_feed_triggered_on_one_of_two_nodes_runs_once()
    {
        using var nodeA = Node();
        using var nodeB = Node();
        await nodeA.StartAsync();
        await nodeB.StartAsync();
        try
        {
            await WaitForAsync("SELECT count(*) FROM qrtz_scheduler_state", 2);

            await nodeA.Services.GetRequiredService<FeedTrigger>().TriggerNowAsync(FeedKind.Assessing, "test", CancellationToken.None);
            await WaitForAsync("SELECT count(*) FROM feed_run WHERE feed = 'assessing' AND status = 'succeeded'", 1);

            // Give a second node every chance to run it again, then check it did not.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM feed_run WHERE feed = 'assessing'"));
        }
        finally
        {
            await nodeA.StopAsync();
            await nodeB.StopAsync();
        }
    }

    private IHost Node()
    {
        var settings = _city.FeedSettings();
        settings["Ingest:RunScheduler"] = "true";
        settings["Ingest:Clustered"] = "true";
        return IngestHost.Build(_database.ConnectionString, null, settings);
    }

    private async Task WaitForAsync(string countSql, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long count = 0;
        while (DateTime.UtcNow < deadline)
        {
            count = await _database.ScalarAsync<long>(countSql);
            if (count >= expected)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"'{countSql}' reached {count}, expected {expected}.");
    }
}
