using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.Ingest.SampleCity;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>The embedded East Boston sample city, loaded once through the real pipeline.</summary>
public sealed class SampleCityFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bis-sample-").FullName;

    public TestDatabase Database { get; } = new();
    public IHost Host { get; private set; } = null!;
    public Dictionary<FeedKind, FeedRunResult> FirstRuns { get; } = [];

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var set = SampleCityGenerator.Generate(RepoPaths.RealData, _directory);
        set.SaveManifest();
        Host = IngestHost.Build(Database.ConnectionString, set.ManifestPath);
        var runner = Host.Services.GetRequiredService<FeedRunner>();
        foreach (var feed in FeedLoadOrder.All)
        {
            FirstRuns[feed] = await runner.RunAsync(feed, "test", CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        Host.Dispose();
        await Database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

public sealed class SampleCityLoadTests(SampleCityFixture city) : IClassFixture<SampleCityFixture>
{
    [Fact]
    public void Every_feed_loads()
    {
        foreach (var feed in FeedLoadOrder.All)
        {
            var run = city.FirstRuns[feed];
            Assert.True(run.Status == FeedRunStatus.Succeeded, $"{feed}: {run.Status} {run.Message}");
            Assert.True(run.RowsAccepted > 0, $"{feed} accepted nothing");
        }
    }

    [Fact]
    public async Task Every_building_has_an_index_row()
    {
        var buildings = await city.Database.ScalarAsync<long>("SELECT count(*) FROM building");
        Assert.InRange(buildings, 6_000, 7_000);
        Assert.Equal(buildings, await city.Database.ScalarAsync<long>("SELECT count(*) FROM hazard_index"));
    }

    [Fact]
    public async Task East_Boston_violations_link_to_buildings_and_the_rest_keep_a_reason()
    {
        var eastBoston = await city.Database.ScalarAsync<long>(
            "SELECT count(*) FROM feed_record WHERE feed = 'violations' AND building_id IS NOT NULL");
        Assert.True(eastBoston > 1_500, $"only {eastBoston} violations linked");
        Assert.Equal(0L, await city.Database.ScalarAsync<long>(
            "SELECT count(*) FROM feed_record WHERE building_id IS NULL AND (unmatched_reason IS NULL OR unmatched_reason = '')"));
        Assert.Equal(0L, await city.Database.ScalarAsync<long>(
            "SELECT count(*) FROM feed_record WHERE building_id IS NOT NULL AND (match_confidence <= 0 OR match_method = 'unmatched')"));
    }

    [Fact]
    public async Task The_302_Sumner_violation_is_on_302_Sumner()
    {
        var address = await city.Database.ScalarAsync<string>(
            "SELECT b.address_key FROM feed_record f JOIN building b USING (building_id) WHERE f.feed = 'violations' AND f.record_id = 'V91983#121.2'");
        Assert.Equal("302 SUMNER ST", address);
    }

    [Fact]
    public async Task Hazmat_flags_carry_nfpa_ratings_and_an_erg_guide()
    {
        var detail = await city.Database.ScalarAsync<string>(
            """
            SELECT f ->> 'detail' FROM hazard_index, jsonb_array_elements(flags) f
            WHERE f ->> 'kind' = 'hazmat' AND f ->> 'detail' LIKE '%ERG%' LIMIT 1
            """);
        Assert.Contains("NFPA 704", detail, StringComparison.Ordinal);
        Assert.Contains("ERG", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synthetic_feeds_say_so_on_their_flags()
    {
        var sources = await city.Database.ScalarAsync<string>(
            "SELECT string_agg(DISTINCT f ->> 'sourceName', ' | ') FROM hazard_index, jsonb_array_elements(flags) f WHERE f ->> 'feed' = 'HazmatPermits'");
        Assert.Contains("synthetic", sources, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Recommendations_name_the_flags_behind_them()
    {
        var refs = await city.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM hazard_index, jsonb_array_elements(recommendations) r
            WHERE jsonb_array_length(r -> 'flagRefs') = 0 OR jsonb_array_length(r -> 'reasons') = 0
            """);
        Assert.Equal(0L, refs);
        Assert.True(await city.Database.ScalarAsync<long>("SELECT count(*) FROM hazard_index WHERE recommendations <> '[]'") > 0);
    }

    [Fact]
    public async Task Hydrant_distances_agree_with_PostGIS_and_stay_within_the_radius()
    {
        Assert.True(await city.Database.ScalarAsync<long>("SELECT count(*) FROM building_hydrant") > 1_000);
        var worstError = await city.Database.ScalarAsync<double>(
            """
            SELECT max(abs(bh.meters - ST_Distance(h.location::geography, b.location::geography)))
            FROM building_hydrant bh JOIN building b USING (building_id) JOIN hydrant h USING (hydrant_id)
            """);
        Assert.True(worstError < 1.0, $"in-memory distance off by {worstError:F2} m");
        Assert.True(await city.Database.ScalarAsync<double>("SELECT max(meters) FROM building_hydrant") <= 300);
        Assert.True(await city.Database.ScalarAsync<long>("SELECT max(n) FROM (SELECT count(*) AS n FROM building_hydrant GROUP BY building_id) c") <= 8);
    }

    [Fact]
    public async Task Forcing_the_same_input_again_changes_nothing()
    {
        var before = await city.Database.IndexChecksumAsync();
        var runner = city.Host.Services.GetRequiredService<FeedRunner>();
        foreach (var feed in FeedLoadOrder.All)
        {
            var run = await runner.RunAsync(feed, "test", CancellationToken.None, force: true);
            Assert.True(run.Status == FeedRunStatus.Unchanged, $"{feed}: {run.Status} {run.Message}");
        }

        Assert.Equal(before, await city.Database.IndexChecksumAsync());
    }
}
