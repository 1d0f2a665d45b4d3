using BIS.Domain.Addresses;
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
    public string ManifestPath { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var set = SampleCityGenerator.Generate(RepoPaths.RealData, _directory);
        set.SaveManifest();
        ManifestPath = set.ManifestPath;
        Host = IngestHost.Build(Database.ConnectionString, set.ManifestPath);
        // As `infra/bis load` does it: every feed in one transaction, the index rebuilt once.
        var runner = Host.Services.GetRequiredService<FeedRunner>();
        foreach (var run in await runner.RunTogetherAsync(FeedLoadOrder.All, "test", CancellationToken.None))
        {
            FirstRuns[Enum.GetValues<FeedKind>().Single(f => f.Slug() == run.Feed)] = run;
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
    public async Task Loading_the_feeds_one_at_a_time_gives_the_same_records_and_index_as_loading_them_together()
    {
        var separate = new TestDatabase();
        await separate.InitializeAsync();
        try
        {
            using var host = IngestHost.Build(separate.ConnectionString, city.ManifestPath);
            var runner = host.Services.GetRequiredService<FeedRunner>();
            foreach (var feed in FeedLoadOrder.All)
            {
                var run = await runner.RunAsync(feed, "test", CancellationToken.None);
                Assert.True(run.Status == FeedRunStatus.Succeeded, $"{feed}: {run.Status} {run.Message}");
                Assert.DoesNotContain("together", run.Message, StringComparison.Ordinal);
            }

            Assert.Contains("Indexed together with 6 other feeds.", city.FirstRuns[FeedKind.Violations].Message, StringComparison.Ordinal);
            Assert.Equal(await ContentAsync(city.Database), await ContentAsync(separate));
        }
        finally
        {
            await separate.DisposeAsync();
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
    public async Task Ranges_are_linked_on_their_own_side_of_the_street()
    {
        // Real violations once linked across the street: 108-110 Orleans St to 109, 405-407A Meridian St to 406.
        Assert.Equal(0L, await city.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM feed_record f JOIN building b USING (building_id)
            WHERE f.record_id IN ('V614623#1001.3.2', 'V59927#Chapter 103.1') AND b.address_key IN ('109 ORLEANS ST', '406 MERIDIAN ST')
            """));

        // Every record linked by its address shares a house number with its building by the normalizer's rule.
        await using var command = city.Database.DataSource.CreateCommand(
            """
            SELECT f.feed || ' ' || f.record_id, f.number_low, f.number_high, a.number_low, a.number_high
            FROM feed_record f JOIN building_address a ON a.building_id = f.building_id AND a.street = f.street
            WHERE f.match_method IN ('address', 'address_range')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var checkedRecords = 0;
        while (await reader.ReadAsync())
        {
            var record = new NormalizedAddress { Street = "", NumberLow = reader.GetInt32(1), NumberHigh = reader.GetInt32(2) };
            var building = new NormalizedAddress { Street = "", NumberLow = reader.GetInt32(3), NumberHigh = reader.GetInt32(4) };
            Assert.True(record.SharesNumberWith(building), $"{reader.GetString(0)}: {record.NumberLow}-{record.NumberHigh} linked to {building.NumberLow}-{building.NumberHigh}");
            checkedRecords++;
        }

        Assert.True(checkedRecords > 2_000, $"only {checkedRecords} records linked by address");
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

    /// <summary>What a load decided, without the times of day it ran: links by parcel, index rows by parcel.</summary>
    private static Task<string> ContentAsync(TestDatabase database) => database.ScalarAsync<string>(
        """
        SELECT md5(concat_ws('|',
            (SELECT string_agg(t, ';' ORDER BY t) FROM (
                SELECT concat_ws(',', f.feed, f.record_id, b.parcel_id, f.match_method, f.content_hash) AS t
                FROM feed_record f LEFT JOIN building b USING (building_id)) records),
            (SELECT string_agg(t, ';' ORDER BY t) FROM (
                SELECT concat_ws(',', b.parcel_id, h.max_severity, regexp_replace(h.flags::text, '"asOf": "[^"]*"', '', 'g'), h.recommendations::text) AS t
                FROM hazard_index h JOIN building b USING (building_id)) index_rows),
            (SELECT string_agg(t, ';' ORDER BY t) FROM (
                SELECT concat_ws(',', b.parcel_id, bh.hydrant_id) AS t
                FROM building_hydrant bh JOIN building b USING (building_id)) hydrants)))
        """);

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
