using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary><c>Ingest:MaxTextLength</c> is the length free text is cut at, and another setting reads the same export again.</summary>
public sealed class ConfiguredTextBoundRunTests : MiniCityRunTests
{
    private const string WarningsOfV1 = "SELECT array_to_string(warnings, ' | ') FROM feed_record WHERE record_id = 'V1#121.2'";

    private static readonly string Description = "Unsafe and Dangerous: " + new string('d', 128);

    protected override string[]? FirstViolations =>
        [MiniCity.ViolationRow("V1", "Open", Description, "302", "Sumner", "ST"), MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST")];

    protected override Dictionary<string, string?> Settings()
    {
        var settings = City.FeedSettings();
        settings["Ingest:MaxTextLength"] = "100";
        return settings;
    }

    [Fact]
    public async Task Free_text_is_cut_at_the_configured_length_and_a_new_length_maps_the_unchanged_export_again()
    {
        Assert.Equal(Description[..100], await DescriptionOfV1Async());
        Assert.Equal("description: 150 characters, cut to 100", await Database.ScalarAsync<string>(WarningsOfV1));

        // The same bytes, read with the default bound: not skipped as unchanged, and the description is whole again.
        using var defaultBound = IngestHost.Build(Database.ConnectionString, manifestPath: null, City.FeedSettings());
        var again = await defaultBound.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, again.Status);
        Assert.Equal(Description, await DescriptionOfV1Async());
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE warnings IS NOT NULL"));
    }

    private Task<string> DescriptionOfV1Async() =>
        Database.ScalarAsync<string>("SELECT attrs->>'description' FROM feed_record WHERE record_id = 'V1#121.2'");
}
