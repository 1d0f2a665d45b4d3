using System.Text.Json;
using BIS.Domain.Geo;
using BIS.Ingest.SampleCity;

namespace BIS.Ingest.Tests.SampleCity;

public sealed class SyntheticCityFixture : IDisposable
{
    public const int Buildings = 2_000;

    public SyntheticCityFixture()
    {
        Directory = GeneratedFiles.NewTempDirectory("synthetic");
        Set = SyntheticCityGenerator.Generate(Directory, Buildings, seed: 5);
    }

    public string Directory { get; }

    public FeedFileSet Set { get; }

    public string FileOf(string feed, string role) => Set[feed].Files.Last(f => f.Role == role).Path;

    public void Dispose() => GeneratedFiles.DeleteQuietly(Directory);
}

public sealed class SyntheticCityGeneratorTests(SyntheticCityFixture city) : IClassFixture<SyntheticCityFixture>
{
    private const int N = SyntheticCityFixture.Buildings;

    [Fact]
    public void Produces_all_seven_feeds_marked_synthetic_with_a_loadable_manifest()
    {
        Assert.Equal(FeedFileSet.FeedSlugs, city.Set.Feeds.Select(f => f.Slug));
        Assert.All(city.Set.Feeds, f => Assert.EndsWith("(synthetic)", f.SourceName, StringComparison.Ordinal));
        Assert.All(city.Set.Feeds.SelectMany(f => f.Files), f => Assert.StartsWith(city.Directory, f.Path, StringComparison.Ordinal));

        var loaded = FeedFileSet.Load(city.Set.ManifestPath);
        Assert.Equal(city.Set.Feeds.Select(f => (f.Slug, f.SourceName)), loaded.Feeds.Select(f => (f.Slug, f.SourceName)));
        Assert.Equal(city.Set.Feeds.SelectMany(f => f.Files), loaded.Feeds.SelectMany(f => f.Files));
        Assert.Equal(new DateOnly(2026, 11, 1), loaded.AsOf);
        Assert.Equal("plans", Assert.Single(loaded["inspections"].ToFeedInput().Files).Role);
    }

    [Fact]
    public void Row_counts_follow_the_benchmark_ratios()
    {
        long Rows(string feed, string role) => city.Set[feed].Files.Single(f => f.Role == role).Rows;

        Assert.InRange(Rows("assessing", "assessment"), N, N * 1.02);
        Assert.InRange(Rows("assessing", "parcels"), N, N * 1.01);
        Assert.InRange(Rows("assessing", "footprints"), N * 0.95, N * 1.1);
        Assert.InRange(Rows("violations", "violations"), N * 1.5, N * 1.9);
        Assert.InRange(Rows("building-permits", "permits"), N * 0.65, N * 0.85);
        Assert.InRange(Rows("inspections", "plans"), N * 0.65, N * 0.85);
        Assert.InRange(Rows("fire-incidents", "incidents"), N * 0.45, N * 0.65);
        Assert.InRange(Rows("hazmat-permits", "permits"), N * 0.18, N * 0.32);
        Assert.InRange(Rows("hydrants", "hydrants"), N * 0.07, N * 0.15);

        var tabular = city.Set.Feeds.SelectMany(f => f.Files).Where(f => f.Role is not ("parcels" or "footprints")).Sum(f => f.Rows);
        Assert.True(tabular >= 5L * N, $"{tabular} tabular rows for {N} buildings");
    }

    [Fact]
    public void Every_csv_carries_the_specified_columns_and_the_plans_the_specified_fields()
    {
        foreach (var feed in city.Set.Feeds)
        {
            foreach (var file in feed.Files.Where(f => f.Path.EndsWith(".csv", StringComparison.Ordinal)))
            {
                var (header, rows) = GeneratedFiles.ReadCsv(file.Path);
                Assert.Empty(FeedSpec.ColumnsFor(feed.Slug, header).Except(header, StringComparer.OrdinalIgnoreCase));
                Assert.Equal(file.Rows, rows.Count);
            }
        }

        var items = GeneratedFiles.ReadPlanItems(city.FileOf("inspections", "plans"));
        Assert.Equal(city.Set["inspections"].Rows, items.Count);
        Assert.All(items.Where(i => i.TryGetProperty("occupancyName", out _)), i => Assert.All(FeedSpec.PlanFields, f => Assert.True(i.TryGetProperty(f, out _), f)));
    }

    [Fact]
    public void Buildings_have_unique_addresses_and_parcels_inside_the_boston_box()
    {
        var (_, assessment) = GeneratedFiles.ReadCsv(city.FileOf("assessing", "assessment"));
        var parcels = assessment.Where(r => r["PID"].Length > 0).GroupBy(r => r["PID"].PadLeft(10, '0')).Select(g => g.First()).ToList();
        Assert.Equal(N, parcels.Count);
        var addresses = parcels.Select(r => $"{r["ST_NUM"]} {r["ST_NAME"]} {r["ST_NAME_SUF"]}".Trim()).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.True(parcels.Select(r => r["ST_NAME_SUF"]).Distinct().Count() >= 4);

        Assert.Equal(N, GeneratedFiles.ParcelIds(city.FileOf("assessing", "parcels")).Distinct().Count());
        using var document = JsonDocument.Parse(File.ReadAllBytes(city.FileOf("assessing", "parcels")));
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            foreach (var point in feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray())
            {
                Assert.InRange(point[0].GetDouble(), -71.20, -71.00);
                Assert.InRange(point[1].GetDouble(), 42.30, 42.40);
            }
        }

        var (_, hydrants) = GeneratedFiles.ReadCsv(city.FileOf("hydrants", "hydrants"));
        Assert.All(hydrants.Where(h => h["POINT_X"].Length > 0), h =>
        {
            var (lat, lon) = MassStatePlane.ToWgs84(GeneratedFiles.Number(h["POINT_X"])!.Value, GeneratedFiles.Number(h["POINT_Y"])!.Value);
            Assert.InRange(lat, 42.30, 42.40);
            Assert.InRange(lon, -71.20, -71.00);
        });
    }

    [Fact]
    public void Footprints_link_to_parcels_by_bldg_id()
    {
        var parcels = GeneratedFiles.ParcelIds(city.FileOf("assessing", "parcels")).ToHashSet(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllBytes(city.FileOf("assessing", "footprints")));
        var ids = document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("BLDG_ID").GetString()!)
            .ToList();
        Assert.All(ids, id => Assert.Matches("^Bos_[0-9]{10}_B[0-9]$", id));
        Assert.All(ids, id => Assert.Contains(id.Substring(4, 10), parcels));
    }

    [Fact]
    public void Messiness_ratios_match_the_sample_city()
    {
        var (_, violations) = GeneratedFiles.ReadCsv(city.FileOf("violations", "violations"));
        var total = violations.Count;
        var swapped = violations.Count(r => GeneratedFiles.Number(r["latitude"]) < 0);
        var cityHall = violations.Count(r => r["latitude"] == "42.3594");
        var missing = violations.Count(r => r["latitude"].Length == 0);
        var garbage = violations.Count(r => r["case_no"].Length == 0);
        Assert.InRange(swapped / (double)total, 0.001, 0.01);
        Assert.InRange(cityHall / (double)total, 0.001, 0.01);
        Assert.InRange(missing / (double)total, 0.005, 0.03);
        Assert.InRange(garbage, 2, 10);
        Assert.Contains(violations, r => r["sam_id"].EndsWith(".0", StringComparison.Ordinal));
        Assert.Contains(violations, r => r["violation_zip"].Length == 4);
    }
}
