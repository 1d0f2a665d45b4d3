using BIS.Domain.Feeds;
using BIS.Ingest.HazardIndex;
using BIS.Ingest.Ledger;
using BIS.Ingest.Tests.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Ingest.Tests.HazardIndex;

/// <summary>
/// Every building judged by the rules as they are now, not only those a feed touched; and index phases
/// in sequence, each reading the facts after the one before it committed. Mini city: 302 Sumner has three
/// floors, 304 Sumner and 100 Meridian two; the default high-rise threshold is seven.
/// </summary>
public sealed class HazardIndexRefreshTests : MiniCityRunTests
{
    private const string HighRises = "SELECT coalesce(string_agg(b.address_key, ',' ORDER BY b.address_key), '') FROM hazard_index h JOIN building b USING (building_id) WHERE h.flags @> '[{\"kind\":\"high-rise\"}]'";

    [Fact]
    public async Task A_lowered_threshold_reaches_every_building_once_and_is_undone_with_the_default()
    {
        Assert.Equal(string.Empty, await Database.ScalarAsync<string>(HighRises));
        var settings = City.FeedSettings();
        settings["HazardRules:HighRiseFloors"] = "3";
        using var lowered = IngestHost.Build(Database.ConnectionString, null, settings);
        var refresh = lowered.Services.GetRequiredService<HazardIndexRefresh>();

        var first = await refresh.RunIfRulesChangedAsync("test", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(FeedRunStatus.Succeeded, first.Status);
        Assert.Equal(1, first.BuildingsChanged);
        Assert.Equal("302 SUMNER ST", await Database.ScalarAsync<string>(HighRises));
        Assert.Equal(refresh.RulesFingerprint, await Database.ScalarAsync<string>($"SELECT input_checksum FROM feed_run WHERE run_id = {first.RunId} AND feed = 'hazard-rules'"));
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT count(*) FROM run_changed_building WHERE run_id = {first.RunId}"));

        // The same rules again: nothing to do, and no run.
        Assert.Null(await refresh.RunIfRulesChangedAsync("test", CancellationToken.None));

        // Back to the default threshold (another fingerprint): the flag goes.
        var restored = await TestHost.Services.GetRequiredService<HazardIndexRefresh>().RunIfRulesChangedAsync("test", CancellationToken.None);
        Assert.Equal(1, restored!.BuildingsChanged);
        Assert.Equal(string.Empty, await Database.ScalarAsync<string>(HighRises));

        // A nightly run with nothing lapsed changes nothing.
        Assert.Equal(FeedRunStatus.Unchanged, (await TestHost.Services.GetRequiredService<HazardIndexRefresh>().RunAsync("test", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task The_scheduler_re_evaluates_at_start_when_the_rules_changed_and_only_then()
    {
        var settings = City.FeedSettings();
        settings["Ingest:RunScheduler"] = "true";
        settings["HazardRules:HighRiseFloors"] = "3";
        const string Refreshes = "SELECT count(*) FROM feed_run WHERE feed = 'hazard-rules' AND status IN ('succeeded', 'unchanged')";

        using (var node = IngestHost.Build(Database.ConnectionString, null, settings))
        {
            await node.StartAsync();
            await UntilAsync(Refreshes, 1, TimeSpan.FromSeconds(60));
            Assert.Equal("302 SUMNER ST", await Database.ScalarAsync<string>(HighRises));
            await node.StopAsync();
        }

        // Restarted with the same rules: no second re-evaluation.
        using (var again = IngestHost.Build(Database.ConnectionString, null, settings))
        {
            await again.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await again.StopAsync();
        }

        Assert.Equal(1L, await Database.ScalarAsync<long>(Refreshes));
    }

    [Fact]
    public async Task A_run_reads_its_facts_only_after_the_index_phase_before_it_committed()
    {
        // Another run is in its index phase: this test holds the index lock.
        await using var other = await Database.DataSource.OpenConnectionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_lock({IndexWriteLock.Key})", other))
        {
            await hold.ExecuteNonQueryAsync();
        }

        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Closed", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
        var run = Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        await LockWait.UntilSomeoneWaitsAsync(Database, TimeSpan.FromSeconds(30));

        // What the other run committed: 302 Sumner now has twelve floors. Committed first, then the lock let go
        // (in one batch the two would share a transaction, and the unlock would come before the commit).
        await using (var commit = new NpgsqlCommand("UPDATE building SET attrs = jsonb_set(attrs, '{floors}', '12') WHERE address_key = '302 SUMNER ST'", other))
        {
            await commit.ExecuteNonQueryAsync();
        }

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({IndexWriteLock.Key})", other))
        {
            await release.ExecuteNonQueryAsync();
        }

        Assert.Equal(FeedRunStatus.Succeeded, (await run).Status);
        Assert.Equal("302 SUMNER ST", await Database.ScalarAsync<string>(HighRises));
    }

    private async Task UntilAsync(string countSql, long expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (await Database.ScalarAsync<long>(countSql) < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{countSql}' did not reach {expected}");
            await Task.Delay(100);
        }
    }
}
