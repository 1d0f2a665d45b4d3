using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.TestSupport;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>A value BIS cannot use is kept as unknown, and the record carries the warning for as long as the row says so.</summary>
public sealed class FieldWarningRunTests : MiniCityRunTests
{
    protected override string[]? FirstViolations =>
        [Violation("someday"), MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST")];

    [Fact]
    public async Task The_warning_is_stored_on_the_record_counted_in_the_ledger_and_follows_the_row()
    {
        Assert.Equal(1, FirstViolationsRun.RowsWarned);
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT rows_warned FROM feed_run WHERE run_id = {FirstViolationsRun.RunId}"));
        Assert.Equal("status_dttm \"someday\" is not a date and time; kept as unknown", await WarningOfV1Async());
        // The record itself is loaded and linked as usual, its date unknown.
        Assert.Equal(2L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations' AND building_id IS NOT NULL"));

        // Another unusable value still maps to "unknown", but the warning says what the row says now.
        City.WriteViolations(Violation("later"), MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
        var changed = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, changed.Status);
        Assert.Equal(1, changed.RowsWarned);
        Assert.Equal("status_dttm \"later\" is not a date and time; kept as unknown", await WarningOfV1Async());

        // Fixed at the source: the warning goes.
        City.WriteViolations(Violation("2024-10-02 09:00:00"), MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
        var fixedRun = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(0, fixedRun.RowsWarned);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE warnings IS NOT NULL"));
    }

    private Task<string> WarningOfV1Async() =>
        Database.ScalarAsync<string>("SELECT array_to_string(warnings, ' | ') FROM feed_record WHERE feed = 'violations' AND record_id LIKE 'V1#%'");

    private static string Violation(string statusDate) =>
        MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST").Replace("2024-10-01 10:00:00", statusDate, StringComparison.Ordinal);
}
