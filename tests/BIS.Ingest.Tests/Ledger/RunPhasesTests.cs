using BIS.Ingest.Database;
using BIS.Ingest.Ledger;
using BIS.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace BIS.Ingest.Tests.Ledger;

/// <summary>Phase timings as the ledger keeps them, on a real database.</summary>
public sealed class RunPhasesTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_phase_entered_twice_counts_both_times_and_the_ledger_shows_the_current_one()
    {
        var ledger = new FeedLedger(_database.DataSource, TimeProvider.System, new DatabaseRetry(NullLogger<DatabaseRetry>.Instance));
        var runId = await ledger.StartAsync("violations", "test", CancellationToken.None);
        var phases = new RunPhases(ledger, runId);

        await phases.EnterAsync("waiting", CancellationToken.None);
        await Task.Delay(150);
        await phases.EnterAsync("staging", CancellationToken.None);
        Assert.Equal("staging", await _database.ScalarAsync<string>($"SELECT phase FROM feed_run WHERE run_id = {runId}"));
        await phases.EnterAsync("waiting", CancellationToken.None);
        await Task.Delay(150);
        phases.Close();

        // Each stay lasted at least 150 ms; a second entry that replaced the first would show about half.
        Assert.True(phases.Seconds["waiting"] >= 0.3, $"waiting: {phases.Seconds["waiting"]} s");
        Assert.Equal(["staging", "waiting"], phases.Seconds.Keys.Order());
    }
}
