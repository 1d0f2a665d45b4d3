using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// An incremental refresh keeps the rows that are exactly as they were at the last load without mapping
/// them again, and still gets every change right: edits, removals, rows superseded later in the export,
/// unmatched records, a reshaped header and a new mapping. On a real PostgreSQL, a fresh database each.
/// </summary>
public sealed class IncrementalRunTests : MiniCityRunTests
{
    private static readonly string V1 = MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST");
    private static readonly string V2 = MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST");
    private static readonly string V3 = MiniCity.ViolationRow("V3", "Open", "Failure to Obtain Permit", "100", "Meridian", "ST");

    protected override string[] FirstViolations => [V1, V2, V3];

    [Fact]
    public async Task Only_the_changed_row_is_loaded_and_the_unchanged_ones_are_kept_and_counted()
    {
        City.WriteViolations(V1, MiniCity.ViolationRow("V2", "Closed", "Failure to Obtain Permit", "304", "Sumner", "ST"), V3);

        var run = await RunViolationsAsync();

        Assert.Equal(0L, FirstViolationsRun.RowsKept);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        Assert.Equal((3L, 3L, 3L, 2L), (run.RowsRead, run.RowsAccepted, run.RowsMatched, run.RowsKept));
        Assert.Equal(2L, await Database.ScalarAsync<long>($"SELECT rows_kept FROM feed_run WHERE run_id = {run.RunId}"));
        Assert.Equal(run.RunId, await UpdatedRunAsync("V2#121.2"));
        Assert.Equal(FirstViolationsRun.RunId, await UpdatedRunAsync("V1#121.2"));
        Assert.Equal(FirstViolationsRun.RunId, await UpdatedRunAsync("V3#121.2"));
        Assert.Equal("Closed", await Database.ScalarAsync<string>("SELECT attrs->>'status' FROM feed_record WHERE record_id = 'V2#121.2'"));
        Assert.Equal(1, run.BuildingsChanged);
    }

    [Fact]
    public async Task A_row_gone_from_the_export_deletes_its_record_and_clears_its_flag()
    {
        City.WriteViolations(V2, V3);

        var run = await RunViolationsAsync();

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        Assert.Equal(2L, run.RowsKept);
        // Only V1: the kept rows are not in the stage table, and must not be taken for gone.
        Assert.Equal("V2#121.2,V3#121.2", await Database.ScalarAsync<string>(
            "SELECT string_agg(record_id, ',' ORDER BY record_id) FROM feed_record WHERE feed = 'violations'"));
        var flags = await Database.ScalarAsync<string>(
            "SELECT h.flags::text FROM hazard_index h JOIN building b USING (building_id) WHERE b.parcel_id = '0102280000'");
        Assert.DoesNotContain("V1", flags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_row_superseded_later_in_the_export_gives_way_to_the_later_row()
    {
        City.WriteViolations(V1, V2, V3, MiniCity.ViolationRow("V1", "Closed", "Unsafe and Dangerous", "302", "Sumner", "ST"));

        var run = await RunViolationsAsync();

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        Assert.Equal(2L, run.RowsKept);
        Assert.Equal("Closed", await Database.ScalarAsync<string>("SELECT attrs->>'status' FROM feed_record WHERE record_id = 'V1#121.2'"));
        var reason = await Database.ScalarAsync<string>($"SELECT reason FROM rejected_row WHERE run_id = {run.RunId} AND line_number = 2");
        Assert.Contains("superseded by line 5", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmatched_record_walks_the_linkage_ladder_again_on_every_run()
    {
        var nowhere = MiniCity.ViolationRow("V9", "Open", "Maintenance", "999", "Nowhere", "ST");
        City.WriteViolations(V1, V2, V3, nowhere);
        Assert.Equal(1L, (await RunViolationsAsync()).RowsUnmatched);

        var again = await RunViolationsAsync(force: true);

        Assert.Equal(FeedRunStatus.Unchanged, again.Status);
        Assert.Equal((3L, 1L, 4L), (again.RowsKept, again.RowsUnmatched, again.RowsAccepted));
    }

    [Fact]
    public async Task A_reshaped_header_maps_every_row_again_changes_nothing_and_is_kept_from_then_on()
    {
        var flagsBefore = await AllFlagsAsync();
        // The same rows with the first two columns swapped: a value would sit under another name.
        File.WriteAllLines(City.Violations, File.ReadAllLines(City.Violations).Select(SwapFirstTwoColumns));

        var remapped = await RunViolationsAsync();
        var kept = await RunViolationsAsync(force: true);

        Assert.Equal((FeedRunStatus.Unchanged, 0L, 3L), (remapped.Status, remapped.RowsKept, remapped.RowsMatched));
        Assert.Equal(flagsBefore, await AllFlagsAsync());
        Assert.Equal((FeedRunStatus.Unchanged, 3L), (kept.Status, kept.RowsKept));
    }

    [Fact]
    public async Task Another_mapping_such_as_a_new_service_area_maps_every_row_again()
    {
        var settings = City.FeedSettings();
        settings["ServiceArea:MinLatitude"] = "42.2";
        using var reconfigured = IngestHost.Build(Database.ConnectionString, manifestPath: null, settings);

        var run = await reconfigured.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true);

        Assert.Equal((FeedRunStatus.Unchanged, 0L, 3L), (run.Status, run.RowsKept, run.RowsMatched));
    }

    private Task<FeedRunResult> RunViolationsAsync(bool force = false) =>
        Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, force);

    private Task<long> UpdatedRunAsync(string recordId) =>
        Database.ScalarAsync<long>($"SELECT updated_run_id FROM feed_record WHERE feed = 'violations' AND record_id = '{recordId}'");

    private Task<string> AllFlagsAsync() =>
        Database.ScalarAsync<string>("SELECT string_agg(flags::text, '|' ORDER BY building_id) FROM hazard_index");

    private static string SwapFirstTwoColumns(string line)
    {
        var fields = line.Split(',');
        (fields[0], fields[1]) = (fields[1], fields[0]);
        return string.Join(',', fields);
    }
}
