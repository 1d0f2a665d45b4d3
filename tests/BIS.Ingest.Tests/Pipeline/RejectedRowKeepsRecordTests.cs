using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.TestSupport;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// A row rejected today for a record that loaded yesterday does not delete that record: the building keeps
/// its last good flag until a good row replaces it, or the export stops naming the record.
/// </summary>
public sealed class RejectedRowKeepsRecordTests : MiniCityRunTests
{
    private const string RecordsNow = "SELECT string_agg(record_id || '@' || coalesce(building_id::text, '-') || ':' || content_hash, ',' ORDER BY record_id) FROM feed_record WHERE feed = 'violations'";

    [Fact]
    public async Task A_violation_whose_row_can_no_longer_be_located_keeps_its_last_good_version()
    {
        var before = await Database.ScalarAsync<string>(RecordsNow);
        var indexBefore = await Database.IndexChecksumAsync();

        // V1's address went missing in today's export: the row is rejected, and names its record.
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", string.Empty, string.Empty),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
        var damaged = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        // Nothing changed: the one record the day's export touched kept its last good version.
        Assert.Equal(FeedRunStatus.Unchanged, damaged.Status);
        Assert.Equal(1, damaged.RowsRejected);
        Assert.StartsWith("cannot be located", await Database.ScalarAsync<string>($"SELECT reason FROM rejected_row WHERE run_id = {damaged.RunId}"), StringComparison.Ordinal);
        Assert.Equal("V1#121.2", await Database.ScalarAsync<string>($"SELECT record_id FROM rejected_row WHERE run_id = {damaged.RunId}"));
        Assert.Equal(before, await Database.ScalarAsync<string>(RecordsNow));
        Assert.Equal(indexBefore, await Database.IndexChecksumAsync());

        // Once the export no longer names V1 at all, it is gone.
        City.WriteViolations(MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
        var dropped = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, dropped.Status);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations' AND record_id LIKE 'V1#%'"));
    }

    [Fact]
    public async Task A_hydrant_whose_row_lost_its_coordinates_stays_where_it_was()
    {
        WriteHydrants("H-1,IN SERVICE,AA,42.36755,-71.03650", "H-2,IN SERVICE,A,42.36990,-71.03880", "H-3,OUT OF SERVICE,B,42.36800,-71.03700");
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None)).Status);
        const string HydrantsNow = "SELECT string_agg(hydrant_id || ' ' || ST_AsText(location), ',' ORDER BY hydrant_id) FROM hydrant";
        var before = await Database.ScalarAsync<string>(HydrantsNow);

        WriteHydrants("H-1,IN SERVICE,AA,,", "H-2,IN SERVICE,A,42.36990,-71.03880", "H-3,OUT OF SERVICE,B,42.36800,-71.03700");
        var damaged = await Runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Unchanged, damaged.Status);
        Assert.Equal(1, damaged.RowsRejected);
        Assert.Equal(before, await Database.ScalarAsync<string>(HydrantsNow));
    }

    private void WriteHydrants(params string[] rows) =>
        File.WriteAllText(City.Hydrants, "HYDRANT_ID,STATUS,FLOW_CLASS,LATITUDE,LONGITUDE\n" + string.Join('\n', rows) + "\n");
}
