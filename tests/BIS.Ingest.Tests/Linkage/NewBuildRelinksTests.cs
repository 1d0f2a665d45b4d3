using BIS.Domain.Feeds;
using BIS.Ingest.Tests.Pipeline;

namespace BIS.Ingest.Tests.Linkage;

/// <summary>
/// A link made by older linkage rules (a range that crossed the street) must not outlive the build that made it:
/// the first run of a new build walks every record down the ladder again, while later runs keep unchanged links.
/// </summary>
public sealed class NewBuildRelinksTests : MiniCityRunTests
{
    private const string V1Building = "SELECT building_id FROM feed_record WHERE feed = 'violations' AND record_id LIKE 'V1#%'";
    private const string Building304 = "SELECT building_id FROM building WHERE parcel_id = '0102290000'";

    [Fact]
    public async Task A_wrong_link_is_kept_by_the_same_build_and_mended_by_the_first_run_of_a_new_one()
    {
        var right = await Database.ScalarAsync<long>(V1Building);
        // As an older rule would have left it: 302 Sumner's violation on the building next door.
        await ExecuteAsync($"UPDATE feed_record SET building_id = ({Building304}) WHERE feed = 'violations' AND record_id LIKE 'V1#%'");

        await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true);
        Assert.NotEqual(right, await Database.ScalarAsync<long>(V1Building));

        // A new build: its mapping version differs from the ledger's, and so every row's fingerprint (salted with it).
        await ExecuteAsync("UPDATE feed_run SET mapping_version = 'an older build' WHERE feed = 'violations'");
        await ExecuteAsync("UPDATE feed_record SET row_fingerprint = decode(md5(record_id), 'hex') WHERE feed = 'violations'");
        await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(right, await Database.ScalarAsync<long>(V1Building));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
