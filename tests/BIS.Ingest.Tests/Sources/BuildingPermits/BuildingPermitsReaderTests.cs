using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.BuildingPermits;

namespace BIS.Ingest.Tests.Sources.BuildingPermits;

public class BuildingPermitsReaderTests
{
    private const string ApprovedHeader =
        "permitnumber,worktype,permittypedescr,description,comments,applicant,declared_valuation,total_fees,issued_date,expiration_date,status,occupancytype,sq_feet,address,city,state,zip,property_id,parcel_id,gpsy,gpsx,y_latitude,x_longitude";

    private readonly BuildingPermitsReader _reader = new(SourceTestKit.Cleaner, SourceTestKit.Bounds, SourceTestKit.Clock);

    [Fact]
    public void Loads_the_real_zoning_board_of_appeal_tracker()
    {
        var result = _reader.ReadAll(("permits", SourceTestKit.Real("zoning_board_of_appeal_tracker.csv")));

        Assert.Equal(1801, result.Staged.Count);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Maps_appeal_BOA1533753_on_Byron_St()
    {
        var result = _reader.ReadAll(("permits", SourceTestKit.Real("zoning_board_of_appeal_tracker.csv")));

        var record = result.Record("BOA1533753");
        var appeal = (PermitRecord)record.Attributes;
        Assert.Equal(4, record.LineNumber);
        Assert.Equal("206 Byron ST East Boston 02128", record.AddressText);
        Assert.Equal("206 BYRON ST", record.Address!.Key);
        Assert.Equal("02128", record.Address.Zip);
        Assert.Equal(PermitWorkKind.ChangeOfOccupancy, appeal.WorkKind);
        Assert.Equal("Zoning", appeal.WorkType);
        Assert.Equal("Community Process", appeal.Status);
        Assert.True(appeal.IsActive);
        Assert.Equal("Marc LaCasse", appeal.Applicant);
        Assert.Equal(new DateTimeOffset(2023, 10, 6, 0, 0, 0, TimeSpan.FromHours(-4)), record.AsOf);
    }

    [Fact]
    public void Reads_ranges_written_with_to_and_demolition_text()
    {
        var result = _reader.ReadAll(("permits", SourceTestKit.Real("zoning_board_of_appeal_tracker.csv")));

        var range = result.Record("BOA1527713").Address!;
        Assert.Equal(112, range.NumberLow);
        Assert.Equal(114, range.NumberHigh);
        Assert.Equal(PermitWorkKind.Demolition, result.Attributes<PermitRecord>("BOA1533539").WorkKind);
        Assert.All(result.Staged.Where(s => ((PermitRecord)s.Attributes).Status!.StartsWith("Appeal Closed", StringComparison.Ordinal)),
            s => Assert.False(((PermitRecord)s.Attributes).IsActive));
    }

    [Fact]
    public void Approved_permits_are_classified_and_judged_active_against_now()
    {
        using var files = new TempFiles();
        var path = files.Write("permits.csv", ApprovedHeader + "\n"
            + "ALT1000001,INTREN,Alteration,Interior renovation of kitchens,,ACME LLC,$50000,$500,2024-05-01 00:00:00,2025-05-01 00:00:00,Open,Multi-family,1200,302 Sumner St,East Boston,MA,2128,132380,100021000,2959351.60,781400.90,,\n"
            + "DEM2000002,RAZE,Demolition,Raze 2-story garage,,WRECKERS INC,,,2023-01-10,2023-07-10,Closed,,,44 Maverick Sq,East Boston,MA,02128,,,,,42.3691,-71.0395\n"
            + "SPR3000003,SPRNK,Sprinkler,Add heads,,,,,2023-01-10,2024-01-10,Open,,,10 Orleans St,East Boston,MA,02128,,,,,,\n"
            + "ERT4000004,OTHER,Other,Change of occupancy from office to restaurant,,,,,2024-09-01,,Issued,,,560 Chelsea St,East Boston,MA,02128,,,,,,\n"
            + "FA5000005,FA,Fire Alarm,,,,,,2024-09-01,2025-09-01,Open,,,561 Chelsea St,East Boston,MA,02128,,,,,,\n"
            + ",INTREN,,,,,,,,,,,,562 Chelsea St,,,,,,,,,\n"
            + "ALT6000006,INTREN,,,,,,,2024-09-01,,Open,,,,,,,,,,,,\n");

        var result = _reader.ReadAll(("permits", path));

        var alteration = result.Record("ALT1000001");
        var permit = (PermitRecord)alteration.Attributes;
        Assert.Equal(PermitWorkKind.Construction, permit.WorkKind);
        Assert.True(permit.IsActive);
        Assert.Equal(new DateOnly(2025, 5, 1), permit.ExpiresOn);
        Assert.Equal("0100021000", alteration.ParcelId);
        Assert.Equal("02128", alteration.Address!.Zip);
        Assert.Equal(42.3676785, alteration.Location!.Y, 0.000001); // gpsx/gpsy State Plane feet
        Assert.Equal(-71.0365804, alteration.Location.X, 0.000001);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(-4)), alteration.AsOf);

        var demolition = result.Attributes<PermitRecord>("DEM2000002");
        Assert.Equal(PermitWorkKind.Demolition, demolition.WorkKind);
        Assert.False(demolition.IsActive);
        Assert.Equal(-71.0395, result.Record("DEM2000002").Location!.X);

        var sprinkler = result.Attributes<PermitRecord>("SPR3000003");
        Assert.Equal(PermitWorkKind.SprinklerWork, sprinkler.WorkKind);
        Assert.False(sprinkler.IsActive); // open but expired

        Assert.Equal(PermitWorkKind.ChangeOfOccupancy, result.Attributes<PermitRecord>("ERT4000004").WorkKind);
        Assert.True(result.Attributes<PermitRecord>("ERT4000004").IsActive);
        Assert.Equal(PermitWorkKind.AlarmWork, result.Attributes<PermitRecord>("FA5000005").WorkKind);

        Assert.Equal("missing permitnumber", result.RejectedAt(7).Reason);
        Assert.StartsWith("cannot be located", result.RejectedAt(8).Reason);
        Assert.Equal(5, result.Staged.Count);
    }

    [Fact]
    public void Refuses_an_unknown_shape_and_a_permits_file_missing_worktype()
    {
        using var files = new TempFiles();
        var unknown = files.Write("other.csv", "id,name\n1,x\n");
        var noWorkType = files.Write("permits.csv", "permitnumber,address\nA1,1 Main St\n");

        Assert.Contains("neither", Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("permits", unknown))).Message);
        Assert.Contains("worktype", Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("permits", noWorkType))).Message);
    }

    [Theory]
    [InlineData("206 Byron ST East Boston 02128", "East Boston", "206 Byron ST")]
    [InlineData("109 to 119 Beach ST Boston 02111", "Boston", "109-119 Beach ST")]
    [InlineData("289 to 289A D ST South Boston 02127", null, "289-289A D ST")]
    [InlineData("12 Main St", null, "12 Main St")]
    public void Zba_address_loses_its_city_and_zip_tail(string address, string? city, string expected)
    {
        Assert.Equal(expected, BuildingPermitsReader.StreetPart(address, city));
    }
}
