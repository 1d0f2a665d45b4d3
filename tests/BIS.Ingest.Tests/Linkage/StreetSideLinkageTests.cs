using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Ingest.Tests.Linkage;

/// <summary>
/// Buildings on both sides of East Boston streets and violations written as ranges, loaded once through the real
/// pipeline: a range whose ends share parity stays on its side of the street, and where the address cannot choose
/// between buildings the record is left for the steward with the candidates named. The addresses are the real
/// cases that were linked across the street ("108-110 Orleans St" to 109, "405-407A Meridian St" to 406).
/// </summary>
public sealed class StreetSideCity : IAsyncLifetime, IDisposable
{
    public TestDatabase Database { get; } = new();
    public MiniCity City { get; } = new();

    public async Task InitializeAsync()
    {
        City.AddBuilding("0105000109", "109", "ORLEANS ST");
        City.AddBuilding("0105000406", "406", "MERIDIAN ST");
        City.AddBuilding("0105000014", "14", "LEXINGTON ST");
        City.AddBuilding("0105000015", "15", "LEXINGTON ST");
        City.AddBuilding("0105000046", "46-48", "CONDOR ST");
        City.AddBuilding("0105000024", "24-29", "WM C KELLY SQ");
        City.AddBuilding("0105000003", "3", "EMMET PL");
        City.AddBuilding("0105000225", "225", "SARATOGA ST");
        var at227 = City.AddBuilding("0105000227", "227", "SARATOGA ST");
        City.AddBuilding("0105000062", "60-62", "MARION ST");
        City.AddBuilding("0105000060", "60", "MARION ST");
        City.AddBuilding("0105000068", "68-76", "MARION ST");
        City.AddBuilding("0105000070", "70-74", "MARION ST");
        City.AddBuilding("0105003191", "319R", "SUMNER ST");
        City.AddBuilding("0105000319", "319", "SUMNER ST");
        City.WriteViolations(
            Violation("EVEN", "108-110", "Orleans"),
            Violation("ODDA", "405-407A", "Meridian"),
            Violation("SIDE", "13-15A", "Lexington"),
            Violation("ACROSS", "47", "Condor"),
            Violation("WITHIN", "48", "Condor"),
            Violation("INMIXED", "27", "William C Kelly", "SQ"),
            Violation("MIXED", "1-4", "Emmet", "PL"),
            Violation("TIE", "225-227", "Saratoga"),
            Violation("NEAR", "225-227", "Saratoga", at: at227),
            Violation("LETTER", "319", "Sumner"),
            Violation("IDENTICAL", "60", "Marion"),
            Violation("NARROW", "72", "Marion"));

        await Database.InitializeAsync();
        using var host = IngestHost.Build(Database.ConnectionString, manifestPath: null, City.FeedSettings());
        var runner = host.Services.GetRequiredService<FeedRunner>();
        foreach (var feed in new[] { FeedKind.Assessing, FeedKind.Violations })
        {
            var run = await runner.RunAsync(feed, "test", CancellationToken.None);
            Assert.True(run.Status == FeedRunStatus.Succeeded, $"{feed}: {run.Status} {run.Message}");
        }
    }

    /// <summary>How the violation with <paramref name="caseNo"/> was linked: the building's parcel id, the method and the reason.</summary>
    public async Task<(string? Parcel, string Method, string? Reason)> LinkOfAsync(string caseNo)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT b.parcel_id, f.match_method, f.unmatched_reason FROM feed_record f LEFT JOIN building b USING (building_id) WHERE f.record_id = $1");
        command.Parameters.AddWithValue(caseNo + "#121.2");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no record {caseNo}");
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public Task<long> BuildingIdAsync(string parcel) =>
        Database.ScalarAsync<long>($"SELECT building_id FROM building WHERE parcel_id = '{parcel}'");

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public void Dispose() => City.Dispose();

    private static string Violation(string caseNo, string number, string street, string suffix = "ST", (double, double)? at = null) =>
        MiniCity.ViolationRow(caseNo, "Open", "Unsafe and Dangerous", number, street, suffix, at: at);
}

public sealed class StreetSideLinkageTests(StreetSideCity city) : IClassFixture<StreetSideCity>
{
    [Fact]
    public async Task An_even_range_is_not_linked_to_the_odd_building_across_the_street() =>
        Assert.Equal(
            (null, "unmatched", "address \"108 ORLEANS ST 02128\" not found; no usable coordinates"),
            await city.LinkOfAsync("EVEN"));

    [Fact]
    public async Task An_odd_range_ending_in_a_letter_is_not_linked_to_the_even_building_across_the_street() =>
        Assert.Equal(
            (null, "unmatched", "address \"405 MERIDIAN ST 02128\" not found; no usable coordinates"),
            await city.LinkOfAsync("ODDA"));

    [Fact]
    public async Task A_range_with_buildings_on_both_sides_of_its_numbers_takes_its_own_side() =>
        Assert.Equal(("0105000015", "address_range", null), await city.LinkOfAsync("SIDE"));

    [Fact]
    public async Task A_building_range_of_one_side_takes_numbers_of_its_side_only()
    {
        Assert.Equal((null, "unmatched", "address \"47 CONDOR ST 02128\" not found; no usable coordinates"), await city.LinkOfAsync("ACROSS"));
        Assert.Equal(("0105000046", "address_range", null), await city.LinkOfAsync("WITHIN"));
    }

    [Fact]
    public async Task Ranges_whose_ends_differ_in_parity_reach_both_sides_as_before()
    {
        // "24-29" as assessing writes it, "1-4" as the violation does.
        Assert.Equal(("0105000024", "address_range", null), await city.LinkOfAsync("INMIXED"));
        Assert.Equal(("0105000003", "address_range", null), await city.LinkOfAsync("MIXED"));
    }

    [Fact]
    public async Task A_range_covering_two_buildings_alike_is_left_unmatched_naming_both()
    {
        var (b225, b227) = (await city.BuildingIdAsync("0105000225"), await city.BuildingIdAsync("0105000227"));

        Assert.Equal(
            (null, "unmatched",
             $"range \"225-227 SARATOGA ST\" covers 2 buildings: 225 SARATOGA ST (#{b225}), 227 SARATOGA ST (#{b227}); no usable coordinates"),
            await city.LinkOfAsync("TIE"));
    }

    [Fact]
    public async Task The_same_range_located_on_one_of_the_buildings_links_to_that_one() =>
        Assert.Equal(("0105000227", "address_range", null), await city.LinkOfAsync("NEAR"));

    [Fact]
    public async Task The_identical_number_and_the_narrower_range_still_decide()
    {
        Assert.Equal(("0105000060", "address", null), await city.LinkOfAsync("IDENTICAL"));
        Assert.Equal(("0105000070", "address_range", null), await city.LinkOfAsync("NARROW"));
    }

    [Fact]
    public async Task A_number_without_a_letter_is_the_building_without_one() =>
        Assert.Equal(("0105000319", "address", null), await city.LinkOfAsync("LETTER"));
}

/// <summary>When assessing changes, an unmatched record walks the ladder again, and its reason follows what it finds.</summary>
public sealed class RelinkedReasonTests : Pipeline.MiniCityRunTests
{
    protected override string[]? FirstViolations => [MiniCity.ViolationRow("V7", "Open", "Unsafe and Dangerous", "306-308", "Sumner", "ST")];

    [Fact]
    public async Task A_record_still_unmatched_after_the_backbone_changed_says_why_today()
    {
        Assert.Equal("address \"306 SUMNER ST 02128\" not found; no usable coordinates", await ReasonAsync());

        City.AddBuilding("0105000306", "306", "SUMNER ST");
        City.AddBuilding("0105000308", "308", "SUMNER ST");
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None)).Status);

        var b306 = await Database.ScalarAsync<long>("SELECT building_id FROM building WHERE parcel_id = '0105000306'");
        var b308 = await Database.ScalarAsync<long>("SELECT building_id FROM building WHERE parcel_id = '0105000308'");
        Assert.Equal($"range \"306-308 SUMNER ST\" covers 2 buildings: 306 SUMNER ST (#{b306}), 308 SUMNER ST (#{b308}); no usable coordinates", await ReasonAsync());
    }

    private Task<string> ReasonAsync() =>
        Database.ScalarAsync<string>("SELECT unmatched_reason FROM feed_record WHERE record_id = 'V7#121.2' AND building_id IS NULL");
}
