using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.ManualLinks;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Tests.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Ingest.Tests.Linkage;

/// <summary>
/// A steward's choice of building for a record: applied at once (index rows of both buildings, NOTIFY), kept by every
/// later run while the source row is the same (a new build included), lapsed when the row changes; "leave unmatched"
/// stays unmatched across runs and relinking. The mini city's V1 is an unsafe-structure violation at 302 Sumner.
/// </summary>
public sealed class ManualLinkTests : MiniCityRunTests
{
    private const string V1 = "(SELECT record_id FROM feed_record WHERE feed = 'violations' AND record_id LIKE 'V1#%')";
    private const string Building302 = "SELECT building_id FROM building WHERE parcel_id = '0102280000'";
    private const string Building304 = "SELECT building_id FROM building WHERE parcel_id = '0102290000'";

    private ManualLinker Linker => ActivatorUtilities.CreateInstance<ManualLinker>(TestHost.Services);

    [Fact]
    public async Task A_manual_link_moves_the_flag_at_once_and_survives_the_next_runs()
    {
        var (at302, at304) = (await Database.ScalarAsync<long>(Building302), await Database.ScalarAsync<long>(Building304));
        Assert.True(await HasUnsafeFlagAsync(at302));
        Assert.False(await HasUnsafeFlagAsync(at304));

        var outcome = await ChooseAsync("V1", at304, note: "the violation names the rear building");
        Assert.Equal(ManualLinkStatus.Applied, outcome.Status);
        Assert.Equal(at302, outcome.Change!.OldBuildingId);
        Assert.Contains(at302, outcome.Change.Announced);
        Assert.Contains(at304, outcome.Change.Announced);
        await AssertLinkedAsync(at304, "manual");
        Assert.True(await HasUnsafeFlagAsync(at304));
        Assert.False(await HasUnsafeFlagAsync(at302));

        // The same input: nothing to load, and nothing changes.
        Assert.Equal(FeedRunStatus.Unchanged, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        await AssertLinkedAsync(at304, "manual");

        // Loaded again on purpose: the row is the one the choice was made on, so it holds.
        var forced = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true);
        Assert.NotEqual(FeedRunStatus.Failed, forced.Status);
        await AssertLinkedAsync(at304, "manual");
        Assert.True(await HasUnsafeFlagAsync(at304));
        Assert.False(await HasUnsafeFlagAsync(at302));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM manual_link WHERE lapsed_at IS NULL AND replaced_at IS NULL"));
    }

    [Fact]
    public async Task The_first_run_of_a_new_build_keeps_a_manual_link_that_it_would_otherwise_relink()
    {
        var at304 = await Database.ScalarAsync<long>(Building304);
        Assert.Equal(ManualLinkStatus.Applied, (await ChooseAsync("V1", at304)).Status);

        // As NewBuildRelinksTests makes a new build: every row fingerprint differs, every record walks the ladder.
        await ExecuteAsync("UPDATE feed_run SET mapping_version = 'an older build' WHERE feed = 'violations'");
        await ExecuteAsync("UPDATE feed_record SET row_fingerprint = decode(md5(record_id), 'hex') WHERE feed = 'violations'");
        Assert.NotEqual(FeedRunStatus.Failed, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);

        await AssertLinkedAsync(at304, "manual");
        Assert.True(await HasUnsafeFlagAsync(at304));
    }

    [Fact]
    public async Task A_changed_source_row_lapses_the_choice_and_the_ladder_links_the_record_again()
    {
        var (at302, at304) = (await Database.ScalarAsync<long>(Building302), await Database.ScalarAsync<long>(Building304));
        Assert.Equal(ManualLinkStatus.Applied, (await ChooseAsync("V1", at304)).Status);

        // The publisher corrected the row (a new status date): the steward's choice was about the old row.
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST").Replace("2024-10-01", "2024-11-05", StringComparison.Ordinal),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
        var run = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);

        await AssertLinkedAsync(at302, "address");
        Assert.True(await HasUnsafeFlagAsync(at302));
        Assert.False(await HasUnsafeFlagAsync(at304));
        Assert.Equal($"the source row changed|{run.RunId}", await Database.ScalarAsync<string>(
            "SELECT lapsed_reason || '|' || lapsed_run_id FROM manual_link WHERE feed = 'violations'"));
    }

    [Fact]
    public async Task A_record_left_unmatched_stays_unmatched_across_runs_a_new_build_and_relinking()
    {
        var at302 = await Database.ScalarAsync<long>(Building302);
        var outcome = await ChooseAsync("V1", buildingId: null, note: "not in this city");
        Assert.Equal(ManualLinkStatus.Applied, outcome.Status);
        Assert.False(await HasUnsafeFlagAsync(at302));
        await AssertUnmatchedAsync();

        Assert.NotEqual(FeedRunStatus.Failed, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true)).Status);
        await AssertUnmatchedAsync();

        await ExecuteAsync("UPDATE feed_run SET mapping_version = 'an older build' WHERE feed = 'violations'");
        var newBuild = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.NotEqual(FeedRunStatus.Failed, newBuild.Status);
        Assert.Equal(1L, newBuild.RowsUnmatched);
        await AssertUnmatchedAsync();

        // A changed backbone walks every unmatched record down the ladder again, except this one.
        City.AddBuilding("0200000001", "9", "SARATOGA ST");
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None)).Status);
        await AssertUnmatchedAsync();
        Assert.False(await HasUnsafeFlagAsync(at302));
    }

    [Fact]
    public async Task A_record_whose_chosen_building_leaves_assessing_is_relinked_and_its_choice_lapses_on_the_next_run()
    {
        var (at302, at304) = (await Database.ScalarAsync<long>(Building302), await Database.ScalarAsync<long>(Building304));
        Assert.Equal(ManualLinkStatus.Applied, (await ChooseAsync("V1", at304)).Status);

        // What the assessing merge does to a building gone from its export, and the relinking that follows in its transaction.
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var gone = new NpgsqlCommand(
                $"DELETE FROM building WHERE building_id = {at304}; CREATE TEMP TABLE touched (building_id bigint PRIMARY KEY) ON COMMIT DROP", connection))
            {
                await gone.ExecuteNonQueryAsync();
            }

            await BIS.Ingest.Linkage.Relinker.RelinkUnmatchedAsync(connection, 30, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await AssertLinkedAsync(at302, "address");
        Assert.NotEqual(FeedRunStatus.Failed, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true)).Status);
        await AssertLinkedAsync(at302, "address");
        Assert.Equal($"building {at304} is no longer in assessing", await Database.ScalarAsync<string>(
            "SELECT lapsed_reason FROM manual_link WHERE feed = 'violations'"));
    }

    [Fact]
    public async Task A_new_choice_replaces_the_one_in_force_and_both_stay_in_the_history()
    {
        var (at302, at304) = (await Database.ScalarAsync<long>(Building302), await Database.ScalarAsync<long>(Building304));
        Assert.Equal(ManualLinkStatus.Applied, (await ChooseAsync("V1", at304)).Status);
        Assert.Equal(ManualLinkStatus.Applied, (await ChooseAsync("V1", at302, note: "back")).Status);

        Assert.Equal($"{at304}:{at302}:address:replaced|{at302}:{at304}:manual:in force", await Database.ScalarAsync<string>(
            """
            SELECT string_agg(building_id || ':' || previous_building_id || ':' || previous_method || ':' ||
                              CASE WHEN replaced_at IS NULL THEN 'in force' ELSE 'replaced' END, '|' ORDER BY link_id)
            FROM manual_link
            """));
        await AssertLinkedAsync(at302, "manual");
    }

    [Fact]
    public async Task An_unknown_record_or_building_changes_nothing()
    {
        var before = await Database.IndexChecksumAsync();
        Assert.Equal(ManualLinkStatus.UnknownRecord, (await Linker.ApplyAsync(Request("no-such-record", 1), CancellationToken.None)).Status);
        var recordId = await Database.ScalarAsync<string>($"SELECT {V1}");
        Assert.Equal(ManualLinkStatus.UnknownBuilding, (await Linker.ApplyAsync(Request(recordId, 987_654), CancellationToken.None)).Status);
        Assert.Equal(before, await Database.IndexChecksumAsync());
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM manual_link"));
    }

    [Fact]
    public async Task A_choice_waits_for_no_run_of_its_feed_it_is_refused_while_one_holds_the_lock()
    {
        await using var run = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await run.BeginTransactionAsync();
        await FeedRunLock.AcquireAsync(run, FeedKind.Violations, CancellationToken.None);

        var outcome = await ChooseAsync("V1", await Database.ScalarAsync<long>(Building304));
        Assert.Equal(ManualLinkStatus.FeedLoading, outcome.Status);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM manual_link"));
    }

    [Fact]
    public async Task The_choice_is_announced_on_the_buildings_channel_with_both_buildings()
    {
        var (at302, at304) = (await Database.ScalarAsync<long>(Building302), await Database.ScalarAsync<long>(Building304));
        await using var listener = await Database.DataSource.OpenConnectionAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {FeedRunner.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        Assert.Equal(ManualLinkStatus.Applied, (await ChooseAsync("V1", at304)).Status);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await listener.WaitAsync(wait.Token);

        var payload = System.Text.Json.JsonDocument.Parse(Assert.Single(heard)).RootElement;
        Assert.Equal("violations", payload.GetProperty("feed").GetString());
        var ids = payload.GetProperty("buildingIds").EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.Contains(at302, ids);
        Assert.Contains(at304, ids);
    }

    private async Task<ManualLinkOutcome> ChooseAsync(string caseNo, long? buildingId, string? note = null)
    {
        var recordId = await Database.ScalarAsync<string>($"SELECT record_id FROM feed_record WHERE feed = 'violations' AND record_id LIKE '{caseNo}#%'");
        return await Linker.ApplyAsync(Request(recordId, buildingId, note), CancellationToken.None);
    }

    private static ManualLinkRequest Request(string recordId, long? buildingId, string? note = null) =>
        new(FeedKind.Violations, recordId, buildingId, "steward", note, (_, _, _) => Task.CompletedTask);

    private async Task AssertLinkedAsync(long buildingId, string method) =>
        Assert.Equal($"{buildingId}|{method}", await Database.ScalarAsync<string>($"SELECT building_id || '|' || match_method FROM feed_record WHERE feed = 'violations' AND record_id = {V1}"));

    private async Task AssertUnmatchedAsync() =>
        Assert.Equal("manual|left unmatched by steward: not in this city", await Database.ScalarAsync<string>(
            "SELECT match_method || '|' || unmatched_reason FROM feed_record WHERE feed = 'violations' AND record_id LIKE 'V1#%' AND building_id IS NULL"));

    /// <summary>Whether the building's index row has V1's unsafe-structure flag (V2's code raises one at 304 as well).</summary>
    private Task<bool> HasUnsafeFlagAsync(long buildingId) =>
        Database.ScalarAsync<bool>(
            $"""
            SELECT EXISTS (SELECT 1 FROM hazard_index h, jsonb_array_elements(h.flags) f
                           WHERE h.building_id = {buildingId} AND f::text LIKE '%unsafe-structure%' AND position('"V1#' in f::text) > 0)
            """);

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
