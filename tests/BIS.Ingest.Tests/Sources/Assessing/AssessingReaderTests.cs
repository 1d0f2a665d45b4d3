using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Assessing;
using NetTopologySuite.Geometries;

namespace BIS.Ingest.Tests.Sources.Assessing;

public class AssessingReaderTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[-71.0300,42.3700],[-71.0310,42.3700],[-71.0310,42.3710],[-71.0300,42.3710],[-71.0300,42.3700]]]}""";
    private const string NextSquare = """{"type":"Polygon","coordinates":[[[-71.0310,42.3700],[-71.0320,42.3700],[-71.0320,42.3710],[-71.0310,42.3710],[-71.0310,42.3700]]]}""";

    private readonly AssessingReader _reader = new(SourceTestKit.Bounds, SourceTestKit.Clock);

    private static ReadResult? _real;

    private ReadResult Real => _real ??= _reader.ReadAll(
        ("parcels", SourceTestKit.Real("parcels_fy2013_ward01.geojson")),
        ("footprints", SourceTestKit.Real("building_footprints_ward01.geojson")),
        ("assessment", SourceTestKit.Real("property_assessment_sf_values_derived.csv")));

    [Fact]
    public void Loads_the_real_ward_1_parcels_footprints_and_assessment()
    {
        // 6,531 parcels with a usable PID, plus one assessed PID (0100920010) with no polygon in the FY2013 layer.
        Assert.Equal(6532, Real.Staged.Count);
        Assert.Equal(6532, Real.Staged.Select(s => s.RecordId).Distinct().Count());
        // 6 harbor-island parcels without PID, one PID_LONG "Unassessed", 2 spreadsheet-mangled assessment PIDs
        // ("1.02e+08"), 5 footprints re-issued at the end of the layer.
        Assert.Equal(14, Real.Rejected.Count);
        Assert.Equal(6, Real.Rejected.Count(r => r.Reason.Contains("no PID_LONG or PID", StringComparison.Ordinal)));
        Assert.Contains(Real.Rejected, r => r.LineNumber == 1110 && r.Reason.StartsWith("parcels:", StringComparison.Ordinal));
        Assert.Contains(Real.Rejected, r => r.LineNumber == 1771 && r.Reason == "parcels: PID 'Unassessed' is not a parcel id");
        Assert.Equal("assessment: PID '1.02e+08' is not a parcel id", Real.RejectedAt(314).Reason);
        Assert.Equal("assessment: PID '1.05e+08' is not a parcel id", Real.Rejected.Single(r => r.LineNumber == 766 && r.Reason.StartsWith("assessment", StringComparison.Ordinal)).Reason);
        Assert.Equal(5, Real.Rejected.Count(r => r.Reason.StartsWith("footprints: superseded by feature", StringComparison.Ordinal)));
    }

    [Fact]
    public void Harbor_island_without_pid_is_rejected_with_its_name()
    {
        var island = Real.Rejected.First(r => r.Reason.Contains("LongIsland", StringComparison.Ordinal));

        Assert.Contains("cannot be joined", island.Reason);
        Assert.Contains("\"PARCEL\":\"LongIsland\"", island.RawText.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Joins_assessment_row_to_its_parcel_by_padded_pid()
    {
        var record = Real.Record("0100021000");
        var parcel = (ParcelRecord)record.Attributes;

        Assert.Equal(2, record.LineNumber);
        Assert.Equal("0100021000", record.ParcelId);
        Assert.Equal(1910, parcel.YearBuilt);
        Assert.Equal("101", parcel.LandUse);
        Assert.IsType<Polygon>(record.ParcelShape);
        Assert.Equal(4326, record.ParcelShape!.SRID);
        Assert.NotNull(record.Location);
        Assert.True(record.ParcelShape.Contains(record.Location));
        Assert.Null(record.AsOf);
    }

    [Fact]
    public void Assessed_pid_without_a_polygon_still_yields_a_record()
    {
        var record = Real.Record("0100920010");

        Assert.Null(record.ParcelShape);
        Assert.Null(record.Footprint);
        Assert.Equal(138, record.LineNumber);
    }

    [Fact]
    public void Footprint_fields_are_fallbacks_and_ranges_are_read()
    {
        var record = Real.Record("0100056000"); // parcel only in the layer; the footprint carries address/owner/year
        var parcel = (ParcelRecord)record.Attributes;

        Assert.Equal("254 256 BENNINGTON ST", record.AddressText);
        Assert.Equal(254, record.Address!.NumberLow);
        Assert.Equal(256, record.Address.NumberHigh);
        Assert.Equal("PEDRO LOPEZ LLC", parcel.Owner);
        Assert.Equal(1989, parcel.YearBuilt);
        Assert.NotNull(record.Footprint);
        Assert.Equal(4843, record.LineNumber);
    }

    [Fact]
    public void Footprints_of_one_parcel_are_unioned()
    {
        var record = Real.Record("0100534000"); // 44 buildings on one parcel

        Assert.NotNull(record.Footprint);
        Assert.Equal(4326, record.Footprint!.SRID);
        Assert.True(record.Footprint.NumGeometries > 1);
        Assert.True(record.Footprint.Area > 0);
    }

    [Fact]
    public void Blank_footprint_address_gives_no_address()
    {
        var blank = Real.Staged.First(s => s.Footprint is not null && s.AddressText is null);

        Assert.Null(blank.Address);
    }

    [Fact]
    public void Full_assessment_columns_are_mapped()
    {
        using var files = new TempFiles();
        var parcels = files.Write("p.geojson", $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PID":"0302155000"},"geometry":{{Square}}}]}""");
        var assessment = files.Write("a.csv",
            "PID,CM_ID,ST_NUM,ST_NUM2,ST_NAME,ST_NAME_SUF,UNIT_NUM,CITY,ZIP_CODE,OWNER,MAIL_ADDRESSEE,MAIL_STREET_ADDRESS,MAIL_CITY,MAIL_STATE,MAIL_ZIP_CODE,LU,LU_DESC,BLDG_TYPE,YR_BUILT,YR_REMODEL,NUM_FLOORS,RES_UNITS,COM_UNITS,STRUCTURE_CLASS,SAM_ID\n"
            + "302155000,,300,304,SUMNER,ST,,EAST BOSTON,2128,SUMNER REALTY TRUST,C/O J SMITH,1 MAIN ST,QUINCY,MA,2169,A,APARTMENT BUILDING,RE - Row End,1900,1999,3.5,6,1,R,16298.0\n"
            + "100000001,,1,,X,ST,,,,,,,,,,,,,0,,-2,,,,\n"
            + "100000002,,2,,X,ST,,,,,,,,,,,,,2999,,400,-1,,,\n");

        var result = _reader.ReadAll(("parcels", parcels), ("assessment", assessment));

        var record = result.Record("0302155000");
        var parcel = (ParcelRecord)record.Attributes;
        Assert.Equal("300-304 SUMNER ST, EAST BOSTON 02128", record.AddressText);
        Assert.Equal(300, record.Address!.NumberLow);
        Assert.Equal(304, record.Address.NumberHigh);
        Assert.Equal("02128", record.Address.Zip);
        Assert.Equal("16298", record.AddressId);
        Assert.Equal("SUMNER REALTY TRUST", parcel.Owner);
        Assert.Equal("C/O J SMITH, 1 MAIN ST, QUINCY MA 02169", parcel.OwnerContact);
        Assert.Equal("A", parcel.LandUse);
        Assert.Equal("APARTMENT BUILDING", parcel.LandUseDescription);
        Assert.Equal("R", parcel.StructureClass);
        Assert.Equal(1900, parcel.YearBuilt);
        Assert.Equal(3.5m, parcel.Floors);
        Assert.Equal(7, parcel.Units);

        var zeroYear = result.Attributes<ParcelRecord>("0100000001");
        Assert.Null(zeroYear.YearBuilt);
        Assert.Null(zeroYear.Floors);
        var future = result.Attributes<ParcelRecord>("0100000002");
        Assert.Null(future.YearBuilt);
        Assert.Null(future.Floors);
        Assert.Null(future.Units);

        // 0 is how the assessing file says "year not known": no warning for it, one for each impossible value.
        Assert.Equal(["NUM_FLOORS \"-2\" is outside 0–150; kept as unknown"], result.Record("0100000001").Warnings);
        Assert.Equal(
            [
                "YR_BUILT \"2999\" is outside 1600–2024; kept as unknown",
                "NUM_FLOORS \"400\" is outside 0–150; kept as unknown",
                "RES_UNITS \"-1\" is below 0; kept as unknown",
            ],
            result.Record("0100000002").Warnings);
        Assert.Null(record.Warnings);
    }

    [Fact]
    public void A_feature_with_a_nul_character_is_rejected()
    {
        using var files = new TempFiles();
        var parcels = files.Write("p.geojson", $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PID":"0302155000","OWNER":"A\u0000B"},"geometry":{{Square}}}]}""");
        var assessment = files.Write("a.csv", "PID\n302155000\n");

        var result = _reader.ReadAll(("parcels", parcels), ("assessment", assessment));

        Assert.Equal("parcels: parcel 0302155000 contains a NUL character (U+0000): the file is damaged here", result.RejectedAt(1).Reason);
        // The assessment row still makes the building, without the damaged parcel's shape.
        Assert.Null(result.Record("0302155000").ParcelShape);
    }

    [Fact]
    public void Split_parcel_pieces_are_unioned_and_exact_repeats_rejected()
    {
        using var files = new TempFiles();
        var feature = $$"""{"type":"Feature","properties":{"PID_LONG":"0100021000"},"geometry":{{Square}}}""";
        var piece = $$"""{"type":"Feature","properties":{"PID_LONG":"0100021000"},"geometry":{{NextSquare}}}""";
        var broken = """{"type":"Feature","properties":{"PID_LONG":"0100021001"},"geometry":{"type":"Polygon","coordinates":[[1,2]]}}""";
        var parcels = files.Write("p.geojson", $$"""{"type":"FeatureCollection","features":[{{feature}},{{piece}},{{feature}},{{broken}}]}""");
        var assessment = files.Write("a.csv", "PID\n100021000\n");

        var result = _reader.ReadAll(("parcels", parcels), ("assessment", assessment));

        var shape = result.Record("0100021000").ParcelShape!;
        Assert.IsType<Polygon>(shape);
        Assert.Equal(2e-6, shape.Area, 1e-9);
        Assert.Equal("parcels: duplicate of feature 1", result.RejectedAt(3).Reason);
        Assert.StartsWith("parcels: parcel 0100021001 has an unusable geometry", result.RejectedAt(4).Reason);
    }

    [Fact]
    public void State_plane_parcel_layer_is_converted_to_wgs84()
    {
        using var files = new TempFiles();
        var parcels = files.Write("p.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2249"}},
             "features":[{"type":"Feature","properties":{"PID_LONG":"0100021000"},
               "geometry":{"type":"Polygon","coordinates":[[[781400,2959350],[781450,2959350],[781450,2959400],[781400,2959400],[781400,2959350]]]}}]}
            """);
        var assessment = files.Write("a.csv", "PID\n100021000\n");

        var shape = _reader.ReadAll(("parcels", parcels), ("assessment", assessment)).Record("0100021000").ParcelShape!;

        Assert.Equal(4326, shape.SRID);
        Assert.Equal(-71.0366, shape.Centroid.X, 0.001);
        Assert.Equal(42.3677, shape.Centroid.Y, 0.001);
    }

    [Fact]
    public void Refuses_without_the_parcels_or_assessment_input()
    {
        using var files = new TempFiles();
        var assessment = files.Write("a.csv", "PID\n100021000\n");

        var error = Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("assessment", assessment)));

        Assert.Contains("parcels", error.Message);
    }

    [Fact]
    public void Refuses_an_assessment_without_pid_and_an_empty_parcel_layer()
    {
        using var files = new TempFiles();
        var parcels = files.Write("p.geojson", $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PID":"0302155000"},"geometry":{{Square}}}]}""");
        var noPid = files.Write("a.csv", "PARCEL_ID,OWNER\n1,X\n");
        var empty = files.Write("empty.geojson", """{"type":"FeatureCollection","features":[]}""");
        var assessment = files.Write("b.csv", "PID\n100021000\n");

        Assert.Contains("PID", Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("parcels", parcels), ("assessment", noPid))).Message);
        Assert.Contains("is empty", Assert.Throws<FeedRefusedException>(() => _reader.ReadAll(("parcels", empty), ("assessment", assessment))).Message);
    }
}
