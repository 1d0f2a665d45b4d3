using BIS.Domain.Geo;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Violations;

namespace BIS.Ingest.Tests.Sources.Violations;

public class ViolationsReaderTests
{
    private const string Header =
        "case_no,ap_case_defn_key,status_dttm,status,code,value,description,violation_stno,violation_sthigh,violation_street,violation_suffix,violation_city,violation_state,violation_zip,ward,contact_addr1,contact_addr2,contact_city,contact_state,contact_zip,sam_id,latitude,longitude,location";

    private readonly ViolationsReader _reader = new(SourceTestKit.Cleaner, SourceTestKit.Bounds);

    [Fact]
    public void Loads_the_real_2024_pull()
    {
        var result = _reader.ReadAll(("violations", SourceTestKit.Real("building_property_violations.csv")));

        Assert.Equal(2040, result.Items.Count);
        Assert.Equal(2028, result.Staged.Count);
        Assert.Equal(12, result.Rejected.Count);
        // Ten rows have no street, no SAM id and no coordinates.
        Assert.Equal([320, 321, 697, 803, 914, 927, 1028, 1041, 1053, 1947],
            result.Rejected.Where(r => r.Reason.StartsWith("cannot be located", StringComparison.Ordinal)).Select(r => r.LineNumber));
        Assert.Equal("duplicate of line 1341", result.RejectedAt(1342).Reason);
        Assert.Equal("duplicate of line 1374", result.RejectedAt(1375).Reason);
        Assert.StartsWith("V664903,1013,2023-03-06 17:02:10,Closed,102.8", result.RejectedAt(320).RawText);
    }

    [Fact]
    public void Maps_violation_V91983_at_302_Sumner_St()
    {
        var result = _reader.ReadAll(("violations", SourceTestKit.Real("building_property_violations.csv")));

        var record = result.Record("V91983#121.2");
        var violation = (ViolationRecord)record.Attributes;
        Assert.Equal(2, record.LineNumber);
        Assert.Equal("V91983", violation.CaseNumber);
        Assert.Equal("121.2", violation.Code);
        Assert.Equal("Unsafe and Dangerous", violation.Description);
        Assert.Equal(ViolationStatus.Closed, violation.Status);
        Assert.Null(violation.StatusDate); // the one empty status_dttm in the pull
        Assert.Null(record.AsOf);
        Assert.Equal("132380", record.AddressId);
        Assert.Equal("302 SUMNER ST", record.Address!.Key);
        Assert.Equal("02128", record.Address.Zip);
        Assert.Equal("302 Sumner ST, East Boston MA 02128", record.AddressText);
        Assert.Equal(42.367678491544524, record.Location!.Y);
        Assert.Equal(-71.03658037747812, record.Location.X);
        Assert.Equal(4326, record.Location.SRID);
    }

    [Fact]
    public void Reads_local_status_time_as_boston_time()
    {
        var result = _reader.ReadAll(("violations", SourceTestKit.Real("building_property_violations.csv")));

        var record = result.Record("V794280#102.8");
        Assert.Equal(new DateTimeOffset(2024, 10, 18, 10, 50, 49, TimeSpan.FromHours(-4)), record.AsOf);
        Assert.Equal(ViolationStatus.Open, ((ViolationRecord)record.Attributes).Status);
    }

    [Fact]
    public void Keeps_ranges_and_lettered_numbers()
    {
        var result = _reader.ReadAll(("violations", SourceTestKit.Real("building_property_violations.csv")));

        var range = result.Record("V778743#102.8");
        Assert.Equal(1592, range.Address!.NumberLow);
        Assert.Equal(1598, range.Address.NumberHigh);
        Assert.Equal("1592A-1598 Dorchester AV, Dorchester MA 02122", range.AddressText);
        Assert.Equal(105, result.Record("V443027#116.1").Address!.NumberLow);
    }

    [Fact]
    public void Drops_the_offshore_default_point_but_keeps_the_violation()
    {
        var result = _reader.ReadAll(("violations", SourceTestKit.Real("building_property_violations.csv")));

        var record = result.Staged.Single(s => s.LineNumber == 130);
        Assert.Null(record.Location);
        Assert.NotNull(record.Address);
    }

    [Fact]
    public void Loads_the_2023_pull_without_ap_case_defn_key()
    {
        var result = _reader.ReadAll(("violations", SourceTestKit.Real("building_property_violations_2023pull_sample.csv")));

        Assert.Equal(193, result.Staged.Count);
        Assert.Empty(result.Rejected);
        var record = result.Record("V670182#102.8");
        Assert.Equal("105 CUSHING AVE", record.Address!.Key);
        Assert.Equal(new DateTimeOffset(2023, 4, 6, 14, 45, 48, TimeSpan.FromHours(-4)), record.AsOf);
    }

    [Fact]
    public void Refuses_a_pull_missing_a_required_column_naming_it()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", "case_no,status,description,violation_street\nV1,Open,Maintenance,Sumner\n");

        var error = Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("violations", path)));

        Assert.Contains("code", error.Message);
        Assert.Contains("v.csv", error.Message);
    }

    [Fact]
    public void Reads_sam_id_in_float_form_and_short_zip()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv",
            "case_no,status,code,description,violation_stno,violation_street,violation_suffix,violation_zip,sam_id\n"
            + "V1,Open,105.1,Failure to Obtain Permit,302,Sumner,ST,2128,16298.0\n");

        var record = _reader.ReadAll(("violations", path)).Record("V1#105.1");

        Assert.Equal("16298", record.AddressId);
        Assert.Equal("02128", record.Address!.Zip);
        Assert.Null(record.Location);
    }

    [Fact]
    public void Fixes_swapped_coordinates_and_falls_back_to_the_location_column()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", Header + "\n"
            + "V1,1013,2024-01-02 03:04:05,Open,105.1,N/A,Permit,302,,Sumner,ST,East Boston,MA,02128,01,,,,,,132380,-71.03658,42.36768,\n"
            + "V2,1013,2024-01-02 03:04:05,Open,105.1,N/A,Permit,10,,Sumner,ST,East Boston,MA,02128,01,,,,,,132381,,,\"(42.3677, -71.0366)\"\n");

        var result = _reader.ReadAll(("violations", path));

        Assert.Equal(42.36768, result.Record("V1#105.1").Location!.Y);
        Assert.Equal(-71.0366, result.Record("V2#105.1").Location!.X);
    }

    [Fact]
    public void City_hall_placeholder_is_no_location_and_alone_cannot_locate_a_row()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv", Header + "\n"
            + "V1,1013,2024-01-02 03:04:05,Open,105.1,N/A,Permit,302,,Sumner,ST,East Boston,MA,02128,01,,,,,,,42.3594,-71.0587,\n"
            + "V2,1013,2024-01-02 03:04:05,Open,105.1,N/A,Permit, ,   , , , ,MA, , ,,,,,,,42.3594,-71.0587,\n");

        var result = _reader.ReadAll(("violations", path));

        Assert.Null(result.Record("V1#105.1").Location);
        Assert.Equal(["coordinates unusable: placeholder (City Hall default point); located by address or id instead"], result.Record("V1#105.1").Warnings);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(3, rejected.LineNumber);
        Assert.Contains("cannot be located", rejected.Reason);
        Assert.Contains(CoordinateCleaner.Placeholder, rejected.Reason);
    }

    [Fact]
    public void Later_row_with_the_same_id_supersedes_the_earlier_one()
    {
        using var files = new TempFiles();
        var path = files.Write("v.csv",
            "case_no,status,code,description,violation_street\n"
            + "V1,Open,105.1,Permit,Sumner\n"
            + "V2,Open,105.1,Permit,Sumner\n"
            + "V1,Closed,105.1,Permit,Sumner\n"
            + "V2,Open,105.1,Permit,Sumner\n");

        var result = _reader.ReadAll(("violations", path));

        Assert.Equal(ViolationStatus.Closed, result.Attributes<ViolationRecord>("V1#105.1").Status);
        Assert.Equal(4, result.Record("V1#105.1").LineNumber);
        Assert.StartsWith("superseded by line 4", result.RejectedAt(2).Reason);
        Assert.Equal("V1,Open,105.1,Permit,Sumner", result.RejectedAt(2).RawText);
        Assert.Equal("duplicate of line 3", result.RejectedAt(5).Reason);
        Assert.Equal(2, result.Staged.Count);
    }

    [Fact]
    public void Reads_every_input_file_of_the_role_and_names_the_file_in_cross_file_messages()
    {
        using var files = new TempFiles();
        var first = files.Write("a.csv", "case_no,status,code,description,violation_street\nV1,Open,105.1,Permit,Sumner\n");
        var second = files.Write("b.csv", "case_no,status,code,description,violation_street\nV1,Open,105.1,Permit,Sumner\nV3,Open,1,X,Meridian\n");

        var result = _reader.ReadAll(("violations", first), ("violations", second));

        Assert.Equal(2, result.Staged.Count);
        Assert.Equal("duplicate of line 2 of a.csv", Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void Refuses_a_run_without_a_violations_input()
    {
        var error = Assert.Throws<FeedRefusedException>(() => _reader.ReadAll());

        Assert.Contains("violations", error.Message);
    }
}
