using System.Globalization;
using System.Text;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>The deletion gate on a feed that is not linked to buildings: hydrants, whose merge deletes from its own table.</summary>
public sealed class BackboneDeletionGateTests : MiniCityRunTests
{
    private void WriteHydrants(int count)
    {
        var text = new StringBuilder("HYDRANT_ID,STATUS,FLOW_CLASS,LATITUDE,LONGITUDE\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"H-{i},IN SERVICE,AA,{42.36755 + (i * 0.00001)},-71.03650\n");
        }

        File.WriteAllText(City.Hydrants, text.ToString());
    }

    [Fact]
    public async Task Half_of_the_hydrants_missing_is_refused_and_a_few_are_not()
    {
        WriteHydrants(40);
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None)).Status);
        var before = await Database.IndexChecksumAsync();

        WriteHydrants(20);
        var cut = await Runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Refused, cut.Status);
        Assert.StartsWith("Would delete 50 % of hydrants' 40 live records (20 are missing", cut.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Database.IndexChecksumAsync());

        // Within the grace of three records: a small change goes through.
        WriteHydrants(37);
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None)).Status);
        Assert.Equal(37L, await Database.ScalarAsync<long>("SELECT count(*) FROM hydrant"));
    }
}
