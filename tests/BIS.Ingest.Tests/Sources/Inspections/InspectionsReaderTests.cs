using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Inspections;

namespace BIS.Ingest.Tests.Sources.Inspections;

public class InspectionsReaderTests
{
    private readonly InspectionsReader _reader = new(SourceTestKit.Cleaner, SourceTestKit.Bounds);

    private ReadResult Fixture() => _reader.ReadAll(
        ("plans", SourceTestKit.Fixture("Inspections", "plans_page1.json")),
        ("plans", SourceTestKit.Fixture("Inspections", "plans_page2.json")));

    [Fact]
    public void Reads_every_page_numbering_items_across_the_run()
    {
        var result = Fixture();

        Assert.Equal(["2", "PIP-0005", "PIP-0001"], result.Staged.Select(s => s.RecordId));
        Assert.Equal([1L, 3L, 4L, 6L], result.Rejected.Select(r => r.LineNumber));
        Assert.StartsWith("superseded by line 7 of plans_page2.json", result.RejectedAt(1).Reason);
        Assert.Equal("missing planId", result.RejectedAt(3).Reason);
        Assert.StartsWith("cannot be located", result.RejectedAt(4).Reason);
        Assert.Equal("item is not a JSON object", result.RejectedAt(6).Reason);
        Assert.Equal("\"not an object\"", result.RejectedAt(6).RawText);
    }

    [Fact]
    public void Maps_a_full_plan()
    {
        var record = Fixture().Record("PIP-0001");
        var plan = (InspectionRecord)record.Attributes;

        Assert.Equal(7, record.LineNumber);
        Assert.Equal(SprinklerCoverage.Full, plan.Sprinkler);
        Assert.Equal(string.Empty, plan.VacantMarking);
        Assert.Equal("V-B", plan.ConstructionType);
        Assert.False(plan.Standpipe);
        Assert.Equal(new DateOnly(2024, 9, 30), plan.InspectedOn);
        Assert.Equal(new DateTimeOffset(2024, 9, 30, 0, 0, 0, TimeSpan.FromHours(-4)), record.AsOf);
        Assert.Equal("0100021000", record.ParcelId);
        Assert.Equal("132380", record.AddressId);
        Assert.Equal("302 SUMNER ST", record.Address!.Key);
        Assert.Equal(-71.03658, record.Location!.X);
    }

    [Fact]
    public void Reads_loose_types_and_drops_values_outside_the_vocabulary()
    {
        var result = Fixture();

        var warehouse = result.Attributes<InspectionRecord>("2");
        Assert.Equal("III-B", warehouse.ConstructionType);
        Assert.Equal(SprinklerCoverage.None, warehouse.Sprinkler);
        Assert.True(warehouse.Standpipe);
        Assert.Null(warehouse.TrussRoof);
        Assert.False(warehouse.SolarPanels);
        Assert.Equal("X", warehouse.VacantMarking);
        Assert.Null(warehouse.Notes);
        Assert.NotNull(result.Record("2").Location);

        var odd = result.Record("PIP-0005");
        var plan = (InspectionRecord)odd.Attributes;
        Assert.Equal("0102280000", odd.ParcelId);
        Assert.Null(plan.InspectedOn);
        Assert.Null(plan.ConstructionType);
        Assert.Equal(SprinklerCoverage.Unknown, plan.Sprinkler);
        Assert.Null(plan.BatteryStorageKwh);
        Assert.Equal("/", plan.VacantMarking);
        Assert.Equal(
            [
                "inspectedOn \"June 5\" is not a date; kept as unknown",
                "constructionType \"VII-Z\" is not an IBC construction type (I-A … V-B); kept as unknown",
                "sprinkler \"wet pipe\" is not FULL, PARTIAL or NONE; kept as unknown",
                "batteryStorageKwh \"-4\" is below 0; kept as unknown",
            ],
            odd.Warnings);
        Assert.Null(result.Record("PIP-0001").Warnings);
    }

    [Fact]
    public void An_item_with_a_nul_character_is_rejected_and_the_rest_loads()
    {
        using var files = new TempFiles();
        var path = files.Write("plans.json", """
            {"items": [
              {"planId": "P1", "parcelId": "0100021000", "occupancyName": "Shop\u0000Front"},
              {"planId": "P2", "parcelId": "0100021000", "notes": "a backslash-u written out: \\u0000"}
            ]}
            """);

        var result = _reader.ReadAll(("plans", path));

        Assert.Equal("item contains a NUL character (U+0000): the file is damaged here", result.RejectedAt(1).Reason);
        Assert.Equal("a backslash-u written out: \\u0000", result.Attributes<InspectionRecord>("P2").Notes);
    }

    [Fact]
    public void An_item_with_bytes_that_are_not_utf8_carries_a_warning_and_the_others_load_exactly()
    {
        using var files = new TempFiles();
        byte[] bytes =
        [
            .. "{\"items\": [\n  {\"planId\": \"P1\", \"parcelId\": \"0100021000\", \"occupancyName\": \"中文 ✓\"},\n"u8,
            .. "  {\"planId\": \"P2\", \"parcelId\": \"0100021000\", \"knoxBoxLocation\": \"Caf"u8, 0xE9,
            .. " door\", \"notes\": \"Nuñez\"},\n  {\"planId\": \"P3\", \"parcelId\": \"0100021000\", \"notes\": \"Façade — unsafe\"}\n]}"u8,
        ];
        var path = files.WriteBytes("plans.json", bytes);

        var result = _reader.ReadAll(("plans", path));

        Assert.Equal("中文 ✓", result.Attributes<InspectionRecord>("P1").OccupancyName);
        Assert.Equal("Caf\uFFFD door", result.Attributes<InspectionRecord>("P2").KnoxBoxLocation);
        Assert.Equal("Nuñez", result.Attributes<InspectionRecord>("P2").Notes);
        Assert.Equal("Façade — unsafe", result.Attributes<InspectionRecord>("P3").Notes);
        Assert.Equal(["item 2: bytes that are not valid UTF-8 were replaced by U+FFFD in knoxBoxLocation"], result.Record("P2").Warnings);
        Assert.Null(result.Record("P1").Warnings);
        Assert.Null(result.Record("P3").Warnings);
    }

    [Fact]
    public void The_first_page_alone_keeps_its_knox_box_and_battery_details()
    {
        var result = _reader.ReadAll(("plans", SourceTestKit.Fixture("Inspections", "plans_page1.json")));

        var plan = result.Attributes<InspectionRecord>("PIP-0001");
        Assert.Equal("Right of main entrance, 6 ft up", plan.KnoxBoxLocation);
        Assert.Equal(13.5m, plan.BatteryStorageKwh);
        Assert.True(plan.TrussRoof);
        Assert.True(plan.SolarPanels);
        Assert.Equal(SprinklerCoverage.Partial, plan.Sprinkler);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("{\"data\": []}", "not a page of plans")]
    [InlineData("{\"items\": [], \"next\": null}", "no plan items")]
    public void Refuses_unusable_pages(string json, string message)
    {
        using var files = new TempFiles();
        var path = files.Write("page.json", json);

        var error = Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("plans", path)));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("I-A", "I-A")]
    [InlineData("ia", "I-A")]
    [InlineData("5B", "V-B")]
    [InlineData("IV-HT", "IV-HT")]
    [InlineData("II-C", null)]
    [InlineData("wood", null)]
    public void Construction_types_are_ibc(string text, string? expected)
    {
        Assert.Equal(expected, InspectionsReader.ConstructionType(text));
    }
}
