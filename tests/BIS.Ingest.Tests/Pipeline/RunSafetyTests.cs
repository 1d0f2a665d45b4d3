using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Npgsql;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// The "nothing lost, nothing half-applied" rule on a real PostgreSQL: refusals, garbage rows,
/// re-runs, notifications and a cancelled run, each against a fresh database.
/// </summary>
public sealed class RunSafetyTests : MiniCityRunTests
{
    [Fact]
    public async Task Loaded_violation_is_linked_to_its_building_and_flagged()
    {
        var method = await Database.ScalarAsync<string>("SELECT match_method FROM feed_record WHERE record_id LIKE 'V1#%'");
        Assert.Equal("address", method);
        var flags = await Database.ScalarAsync<string>(
            "SELECT h.flags::text FROM hazard_index h JOIN building b USING (building_id) WHERE b.parcel_id = '0102280000'");
        Assert.Contains("V1", flags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identical_input_is_recorded_as_unchanged_and_changes_nothing()
    {
        var before = await Database.IndexChecksumAsync();
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Unchanged, result.Status);
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }

    [Fact]
    public async Task Identical_input_last_read_by_another_build_is_read_again()
    {
        Assert.StartsWith("Input identical", (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Message, StringComparison.Ordinal);
        // As if the last good run had been read by an older build of the readers.
        await using (var older = Database.DataSource.CreateCommand("UPDATE feed_run SET mapping_version = 'an older build' WHERE feed = 'violations'"))
        {
            await older.ExecuteNonQueryAsync();
        }

        var before = await Database.IndexChecksumAsync();
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(2, result.RowsRead);
        Assert.Equal(FeedRunStatus.Unchanged, result.Status);
        Assert.Equal("No record changed.", result.Message);
        Assert.Equal(before, await Database.IndexChecksumAsync());
        // Read by this build now: the next identical input is skipped again.
        Assert.StartsWith("Input identical", (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordered_but_equal_input_changes_no_record()
    {
        City.WriteViolations(
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"));
        var before = await Database.IndexChecksumAsync();
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Unchanged, result.Status);
        Assert.Equal(0, result.BuildingsChanged);
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }

    [Fact]
    public async Task Empty_file_is_refused_and_the_last_good_data_stays()
    {
        var before = await Database.IndexChecksumAsync();
        File.WriteAllText(City.Violations, string.Empty);
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Equal(before, await Database.IndexChecksumAsync());
        Assert.Equal("refused", await Database.ScalarAsync<string>($"SELECT status FROM feed_run WHERE run_id = {result.RunId}"));
    }

    [Fact]
    public async Task Header_only_file_is_refused()
    {
        var before = await Database.IndexChecksumAsync();
        City.WriteViolations();
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }

    [Fact]
    public async Task Missing_required_column_is_refused_naming_it()
    {
        var before = await Database.IndexChecksumAsync();
        File.WriteAllText(City.Violations, "case_no,status,code\nV9,Open,121.2\n");
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Contains("description", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }

    [Fact]
    public async Task Truncated_export_whose_row_count_collapses_is_refused()
    {
        var rows = Enumerable.Range(1, 40).Select(i => MiniCity.ViolationRow($"W{i}", "Open", "Maintenance", "302", "Sumner", "ST")).ToArray();
        City.WriteViolations(rows);
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        var before = await Database.IndexChecksumAsync();

        City.WriteViolations(rows[..5]);
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Contains("collapsed", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Database.IndexChecksumAsync());
        // The steward sees what the refused run read.
        Assert.Equal(5L, await Database.ScalarAsync<long>($"SELECT rows_accepted FROM feed_run WHERE run_id = {result.RunId}"));
    }

    [Fact]
    public async Task Garbage_rows_are_rejected_with_line_numbers_while_the_rest_loads()
    {
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            ",1013,2024-10-01 10:00:00,Open,121.2,N/A,No case number,302,,Sumner,ST,East Boston,MA,02128,01,,,,,,,,,",
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("V3", "Open", "Failure to Obtain Permit", "100", "Meridian", "ST"));
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, result.Status);
        Assert.Equal(3, result.RowsAccepted);
        Assert.Equal(1, result.RowsRejected);
        Assert.Equal(3L, await Database.ScalarAsync<long>("SELECT rejected_row.line_number FROM rejected_row WHERE run_id = " + result.RunId));
        Assert.Equal(3L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations'"));
    }

    [Fact]
    public async Task A_nul_character_in_a_row_rejects_that_row_and_cannot_fail_the_load()
    {
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe\0and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sum\0ner", "ST"),
            MiniCity.ViolationRow("V3", "Open", "Failure to Obtain Permit", "100", "Meridian", "ST"));
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, result.Status);
        Assert.Equal(2, result.RowsRejected);
        Assert.Equal(
            "2 row contains a NUL character (U+0000): the file is damaged here",
            await Database.ScalarAsync<string>($"SELECT line_number || ' ' || reason FROM rejected_row WHERE run_id = {result.RunId} ORDER BY line_number LIMIT 1"));
        // The raw text is kept for the steward, the NUL written out.
        Assert.Contains(
            "Unsafe\\0and Dangerous",
            await Database.ScalarAsync<string>($"SELECT raw_text FROM rejected_row WHERE run_id = {result.RunId} ORDER BY line_number LIMIT 1"),
            StringComparison.Ordinal);
        Assert.Equal("V3#121.2", await Database.ScalarAsync<string>("SELECT string_agg(record_id, ',') FROM feed_record WHERE feed = 'violations'"));
    }

    [Fact]
    public async Task A_feed_refused_in_a_joint_load_keeps_its_last_good_data_while_the_others_load()
    {
        const string ViolationsNow = "SELECT string_agg(f::text, ',' ORDER BY f.record_id) FROM feed_record f WHERE f.feed = 'violations'";
        var violationsBefore = await Database.ScalarAsync<string>(ViolationsNow);
        File.WriteAllText(City.Assessment, File.ReadAllText(City.Assessment).Replace("PEDRO LOPEZ LLC", "HARBOR ONE LLC", StringComparison.Ordinal));
        File.WriteAllText(City.Violations, string.Empty);

        var runs = await Runner.RunTogetherAsync([FeedKind.Assessing, FeedKind.Violations], "test", CancellationToken.None);

        Assert.Equal([FeedRunStatus.Succeeded, FeedRunStatus.Refused], runs.Select(r => r.Status));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM building WHERE parcel_id = '0102280000' AND attrs::text LIKE '%HARBOR ONE LLC%'"));
        Assert.Equal(violationsBefore, await Database.ScalarAsync<string>(ViolationsNow));
        var flags = await Database.ScalarAsync<string>(
            "SELECT h.flags::text FROM hazard_index h JOIN building b USING (building_id) WHERE b.parcel_id = '0102280000'");
        Assert.Contains("V1", flags, StringComparison.Ordinal);
        Assert.Equal(["succeeded", "refused"], await Task.WhenAll(runs.Select(r => Database.ScalarAsync<string>($"SELECT status FROM feed_run WHERE run_id = {r.RunId}"))));
    }

    [Fact]
    public async Task A_feed_read_ahead_and_refused_is_rolled_back_alone_while_the_feeds_around_it_load()
    {
        // Hydrants are read while assessing merges; the violations input is the one loaded before.
        File.WriteAllText(City.Assessment, File.ReadAllText(City.Assessment).Replace("PEDRO LOPEZ LLC", "HARBOR ONE LLC", StringComparison.Ordinal));
        File.WriteAllText(City.Hydrants, "HYDRANT_ID,FLOW_CLASS,LATITUDE,LONGITUDE\nH-1,AA,42.36755,-71.03650\n");

        var runs = await Runner.RunTogetherAsync([FeedKind.Assessing, FeedKind.Hydrants, FeedKind.Violations], "test", CancellationToken.None);

        Assert.Equal([FeedRunStatus.Succeeded, FeedRunStatus.Refused, FeedRunStatus.Unchanged], runs.Select(r => r.Status));
        Assert.Contains("STATUS", runs[1].Message, StringComparison.Ordinal);
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM building WHERE parcel_id = '0102280000' AND attrs::text LIKE '%HARBOR ONE LLC%'"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM hydrant"));

        // Mended, the hydrant layer loads on its own.
        File.WriteAllText(City.Hydrants, "HYDRANT_ID,STATUS,LATITUDE,LONGITUDE\nH-1,IN SERVICE,42.36755,-71.03650\n");
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None)).Status);
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM hydrant"));
    }

    [Fact]
    public async Task A_changed_building_is_announced_with_notify_after_commit()
    {
        var (result, payload) = await RunViolationsHearingNoticeAsync(
            MiniCity.ViolationRow("V1", "Closed", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));

        var buildingId = await Database.ScalarAsync<long>("SELECT building_id FROM building WHERE parcel_id = '0102280000'");
        Assert.Contains($"\"runId\":{result.RunId}", payload, StringComparison.Ordinal);
        Assert.Contains(buildingId.ToString(System.Globalization.CultureInfo.InvariantCulture), payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_changes_records_but_no_hazard_still_sends_a_notice_without_ids()
    {
        // A closed case is added: no flag moves, but lists on the card are read from the records, and
        // the web nodes keep those lists until a notice tells them otherwise.
        var (result, payload) = await RunViolationsHearingNoticeAsync(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("V9", "Closed", "Trash left out", "302", "Sumner", "ST", code: "16-12.2"));
        Assert.Equal(0L, result.BuildingsChanged);
        Assert.Contains($"\"runId\":{result.RunId}", payload, StringComparison.Ordinal);
        Assert.Contains("\"buildingIds\":[]", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_unmatched_until_its_building_appears_in_assessing_is_linked_then()
    {
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V9", "Open", "Unsafe and Dangerous", "500", "Bennington", "ST"));
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        Assert.Equal("unmatched", await Database.ScalarAsync<string>("SELECT match_method FROM feed_record WHERE record_id LIKE 'V9#%'"));

        File.AppendAllText(City.Assessment, "0104000000,500,BENNINGTON ST,EAST BOSTON,02128,ORIENT HEIGHTS LLC,R3,THREE-FAM DWELLING,1910,3,3,R\n");
        var assessing = await Runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, assessing.Status);
        Assert.Equal("address", await Database.ScalarAsync<string>("SELECT match_method FROM feed_record WHERE record_id LIKE 'V9#%'"));
        var flags = await Database.ScalarAsync<string>(
            "SELECT h.flags::text FROM hazard_index h JOIN building b USING (building_id) WHERE b.parcel_id = '0104000000'");
        Assert.Contains("V9", flags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_of_a_feed_while_one_is_loading_is_refused_and_leaves_the_live_one_alone()
    {
        City.WriteViolations(MiniCity.ViolationRow("V1", "Closed", "Unsafe and Dangerous", "302", "Sumner", "ST"));
        var before = await Database.IndexChecksumAsync();
        // Stand in for a live run started elsewhere (say, from the CLI while the scheduler runs).
        var live = await Database.ScalarAsync<long>(
            "INSERT INTO feed_run (feed, trigger, started_at, status) VALUES ('violations', 'cli', now(), 'running') RETURNING run_id");
        await using var other = await Database.DataSource.OpenConnectionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_lock({FeedRunLock.KeyOf(FeedKind.Violations)})", other))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Contains("Another run", result.Message, StringComparison.Ordinal);
        Assert.Equal("running", await Database.ScalarAsync<string>($"SELECT status FROM feed_run WHERE run_id = {live}"));
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }

    [Fact]
    public async Task A_run_cancelled_while_merging_leaves_the_index_exactly_as_it_was()
    {
        City.WriteViolations(MiniCity.ViolationRow("V1", "Closed", "Unsafe and Dangerous", "302", "Sumner", "ST"));
        var before = await Database.IndexChecksumAsync();

        var indexLock = await LockWait.HoldIndexAsync(Database);

        using var cancel = new CancellationTokenSource();
        var run = Runner.RunAsync(FeedKind.Violations, "test", cancel.Token);
        await LockWait.UntilSomeoneWaitsAsync(Database, TimeSpan.FromSeconds(30));
        cancel.Cancel();
        var result = await run;
        await indexLock.DisposeAsync();

        Assert.Equal(FeedRunStatus.Cancelled, result.Status);
        Assert.Equal(before, await Database.IndexChecksumAsync());
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT count(*) FROM feed_run WHERE run_id = {result.RunId} AND status = 'cancelled'"));
    }

    /// <summary>Runs the violations feed on these rows while LISTENing; the run must succeed and announce itself.</summary>
    private async Task<(FeedRunResult Run, string Notice)> RunViolationsHearingNoticeAsync(params string[] rows)
    {
        await using var listener = await Database.DataSource.OpenConnectionAsync();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => received.TrySetResult(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {FeedRunner.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        City.WriteViolations(rows);
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, result.Status);

        // Npgsql hands over notifications while the connection is being read.
        await listener.WaitAsync(TimeSpan.FromSeconds(10));
        return (result, await received.Task.WaitAsync(TimeSpan.FromSeconds(1)));
    }
}
