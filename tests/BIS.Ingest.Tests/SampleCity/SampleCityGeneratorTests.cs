using System.Text.Json;
using BIS.Domain.Geo;
using BIS.Ingest.SampleCity;

namespace BIS.Ingest.Tests.SampleCity;

public sealed class SampleCityGeneratorTests(SampleCityFixture city) : IClassFixture<SampleCityFixture>
{
    // Ward 1 (East Boston and the harbour islands) as the real parcel layer spans it, plus a margin.
    private const double South = 42.30, North = 42.40, West = -71.05, East = -70.92;

    [Fact]
    public void Every_feed_is_present_and_generated_feeds_are_marked_synthetic()
    {
        Assert.Equal(FeedFileSet.FeedSlugs, city.Set.Feeds.Select(f => f.Slug));
        foreach (var feed in city.Set.Feeds)
        {
            Assert.All(feed.Files, f => Assert.True(File.Exists(f.Path), f.Path));
            Assert.Equal(feed.Files.Any(f => f.Generated), feed.SourceName.Contains("(synthetic)", StringComparison.Ordinal));
        }

        Assert.Equal(["parcels", "footprints", "assessment"], city.Set["assessing"].Files.Select(f => f.Role));
        Assert.All(city.Set["building-permits"].Files, f => Assert.Equal("permits", f.Role));
        Assert.Equal("violations", Assert.Single(city.Set["violations"].Files).Role);
        Assert.Equal("incidents", Assert.Single(city.Set["fire-incidents"].Files).Role);
        Assert.Equal("plans", Assert.Single(city.Set["inspections"].Files).Role);

        // The real files are used in place, not copied.
        Assert.StartsWith(GeneratedFiles.RealData, city.FileOf("assessing", "parcels"), StringComparison.Ordinal);
        Assert.StartsWith(GeneratedFiles.RealData, city.FileOf("violations", "violations"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_csv_files_carry_the_specified_columns()
    {
        foreach (var feed in city.Set.Feeds)
        {
            foreach (var file in feed.Files.Where(f => f.Generated && f.Path.EndsWith(".csv", StringComparison.Ordinal)))
            {
                var (header, rows) = GeneratedFiles.ReadCsv(file.Path);
                var missing = FeedSpec.ColumnsFor(feed.Slug, header).Except(header, StringComparer.OrdinalIgnoreCase).ToList();
                Assert.True(missing.Count == 0, $"{file.Path} lacks {string.Join(", ", missing)}");
                Assert.Equal(file.Rows, rows.Count);
            }
        }
    }

    [Fact]
    public void Inspection_plans_are_one_api_page_with_the_specified_fields()
    {
        var items = GeneratedFiles.ReadPlanItems(city.FileOf("inspections", "plans"));
        var complete = items.Where(i => i.TryGetProperty("planId", out _) && i.TryGetProperty("occupancyName", out _)).ToList();
        Assert.True(complete.Count > items.Count * 0.99);
        Assert.All(complete, item => Assert.All(FeedSpec.PlanFields, field => Assert.True(item.TryGetProperty(field, out _), field)));
        Assert.Contains(items, i => !i.TryGetProperty("planId", out _));
        Assert.Contains(complete, i => i.GetProperty("standpipe").GetBoolean());
        Assert.Contains(complete, i => i.GetProperty("trussRoof").GetBoolean());
        Assert.Contains(complete, i => i.GetProperty("solarPv").GetBoolean());
        Assert.Contains(complete, i => i.GetProperty("batteryStorageKwh").ValueKind == JsonValueKind.Number);
        Assert.Contains(complete, i => i.GetProperty("knoxBoxLocation").ValueKind == JsonValueKind.String);
        Assert.Contains(complete, i => i.GetProperty("sprinkler").GetString() == "full");
    }

    [Fact]
    public void Assessment_has_a_row_for_every_parcel_with_a_pid()
    {
        // Every PID_LONG of the real layer but the one marked "Unassessed".
        var parcelIds = GeneratedFiles.ParcelIds(city.FileOf("assessing", "parcels")).Where(p => p.All(char.IsAsciiDigit)).ToHashSet(StringComparer.Ordinal);
        var (_, rows) = GeneratedFiles.ReadCsv(city.FileOf("assessing", "assessment"));
        var assessed = rows.Select(r => r["PID"]).Where(p => p.Length > 0).Select(p => p.PadLeft(10, '0')).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(6531, parcelIds.Count);
        Assert.Empty(parcelIds.Except(assessed));
        Assert.Empty(assessed.Except(parcelIds));
    }

    [Fact]
    public void Addresses_come_from_the_real_footprints_where_known()
    {
        var row = AssessmentRow("0100056000");
        Assert.Equal("254 256 BENNINGTON ST", AddressOf(row));
        Assert.Equal("PEDRO LOPEZ LLC", row["OWNER"]);
        Assert.Equal("426R SARATOGA ST", AddressOf(AssessmentRow("0100137000")));
    }

    [Fact]
    public void Single_family_parcels_keep_their_real_year_built()
    {
        var (_, real) = GeneratedFiles.ReadCsv(Path.Combine(GeneratedFiles.RealData, "property_assessment_sf_values_derived.csv"));
        var (_, rows) = GeneratedFiles.ReadCsv(city.FileOf("assessing", "assessment"));
        var byPid = rows.Where(r => r["PID"].Length > 0).GroupBy(r => r["PID"].PadLeft(10, '0')).ToDictionary(g => g.Key, g => g.First());
        var inLayer = real.Where(r => byPid.ContainsKey(r["PID"].PadLeft(10, '0'))).ToList();
        Assert.True(inLayer.Count > 900);
        var same = inLayer.Count(r => byPid[r["PID"].PadLeft(10, '0')]["YR_BUILT"] == r["YR_BUILT"]);
        Assert.True(same > inLayer.Count * 0.95, $"{same} of {inLayer.Count}");
        Assert.All(inLayer, r => Assert.Equal("R1", byPid[r["PID"].PadLeft(10, '0')]["LU"]));
    }

    [Fact]
    public void Parcels_without_a_real_address_get_a_numbered_street_address()
    {
        var (_, rows) = GeneratedFiles.ReadCsv(city.FileOf("assessing", "assessment"));
        var real = rows.Where(r => r["PID"].Length > 0).ToList();
        Assert.All(real, r => Assert.False(string.IsNullOrWhiteSpace(r["ST_NAME"]), r["PID"]));
        Assert.True(real.Count(r => r["ST_NUM"].Length > 0 && char.IsAsciiDigit(r["ST_NUM"][0])) > real.Count * 0.99);
        Assert.Contains(real, r => r["SAM_ID"].Length > 0);
        Assert.Contains(real, r => double.TryParse(r["NUM_FLOORS"], System.Globalization.CultureInfo.InvariantCulture, out var floors) && floors >= 7);
        Assert.Equal(["A", "B", "C", "R", "S"], real.Select(r => r["STRUCTURE_CLASS"]).Where(c => c.Length > 0).Distinct().Order());
        var residential = real.Count(r => r["LU"] is "R1" or "R2" or "R3" or "R4" or "A" or "CM");
        Assert.True(residential > real.Count * 0.7, $"{residential} residential of {real.Count}");
        Assert.Contains(real, r => r["LU"] == "E");
        Assert.Contains(real, r => r["LU"] == "I");
    }

    [Fact]
    public void State_plane_coordinates_convert_back_to_inside_east_boston()
    {
        var (_, permits) = GeneratedFiles.ReadCsv(city.FileOf("building-permits", "permits"));
        var (_, hydrants) = GeneratedFiles.ReadCsv(city.FileOf("hydrants", "hydrants"));
        var points = permits.Select(r => (X: r["gpsx"], Y: r["gpsy"]))
            .Concat(hydrants.Select(r => (X: r["POINT_X"], Y: r["POINT_Y"])))
            .Where(p => p.X.Length > 0)
            .Select(p => MassStatePlane.ToWgs84(GeneratedFiles.Number(p.X)!.Value, GeneratedFiles.Number(p.Y)!.Value))
            .ToList();

        Assert.True(points.Count > 500);
        Assert.All(points, p => Assert.True(p.Latitude is > South and < North && p.Longitude is > West and < East, $"{p.Latitude}, {p.Longitude}"));
        Assert.Contains(permits, r => r["gpsx"].Length == 0 && r["y_latitude"].Length > 0);
    }

    [Fact]
    public void Hazmat_permits_name_real_erg_materials_mostly_at_commercial_and_industrial_parcels()
    {
        var (_, erg) = GeneratedFiles.ReadCsv(GeneratedFiles.ErgTable);
        var ergPairs = erg.Select(r => (r["un_na_id"], r["material_name"].ToUpperInvariant())).ToHashSet();
        var (_, rows) = GeneratedFiles.ReadCsv(city.FileOf("hazmat-permits", "permits"));
        var permits = rows.Where(r => r["PERMIT_NUMBER"].Length > 0).ToList();

        foreach (var row in permits.Where(r => r["UN_NUMBER"].Length > 0))
        {
            var un = row["UN_NUMBER"].StartsWith("UN", StringComparison.Ordinal) || row["UN_NUMBER"].StartsWith("NA", StringComparison.Ordinal)
                ? row["UN_NUMBER"][2..]
                : row["UN_NUMBER"];
            Assert.Contains((un, row["MATERIAL"].ToUpperInvariant()), ergPairs);
        }

        var uns = permits.Select(r => r["UN_NUMBER"]).ToList();
        Assert.Contains(uns, u => u.EndsWith("1203", StringComparison.Ordinal));
        Assert.Contains(uns, u => u.StartsWith("UN", StringComparison.Ordinal));
        Assert.Contains(uns, u => u.Length == 4);

        var parcels = city.Set["assessing"].Files.Single(f => f.Role == "assessment");
        var (_, assessment) = GeneratedFiles.ReadCsv(parcels.Path);
        var landUse = assessment.Where(r => r["PID"].Length > 0).GroupBy(r => r["PID"].PadLeft(10, '0')).ToDictionary(g => g.Key, g => g.First()["LU"]);
        var sites = permits.Where(r => r["PARCEL_ID"].Length > 0).Select(r => r["PARCEL_ID"].PadLeft(10, '0')).Distinct().ToList();
        var share = permits.Select(r => r["PERMIT_NUMBER"]).Distinct().Count() / 6531.0;
        Assert.InRange(share, 0.02, 0.03);
        Assert.True(sites.Count(s => landUse[s] is "C" or "I" or "CL") > sites.Count / 2);
    }

    [Fact]
    public void Inspections_cover_about_fifteen_percent_biased_to_large_and_non_residential()
    {
        var items = GeneratedFiles.ReadPlanItems(city.FileOf("inspections", "plans"))
            .Where(i => i.TryGetProperty("planId", out _) && i.TryGetProperty("parcelId", out var p) && p.ValueKind == JsonValueKind.String)
            .ToList();
        var (_, assessment) = GeneratedFiles.ReadCsv(city.FileOf("assessing", "assessment"));
        var landUse = assessment.Where(r => r["PID"].Length > 0).GroupBy(r => r["PID"].PadLeft(10, '0')).ToDictionary(g => g.Key, g => g.First()["LU"]);

        var plans = items.Select(i => i.GetProperty("planId").GetString()).Distinct().Count();
        Assert.InRange(plans / 6531.0, 0.13, 0.17);
        var inspected = items.Select(i => landUse[i.GetProperty("parcelId").GetString()!.PadLeft(10, '0')]).ToList();
        var nonResidentialShare = inspected.Count(lu => lu is "C" or "I" or "E" or "RC" or "CL") / (double)inspected.Count;
        var cityShare = landUse.Values.Count(lu => lu is "C" or "I" or "E" or "RC" or "CL") / (double)landUse.Count;
        Assert.True(nonResidentialShare > 2 * cityShare, $"{nonResidentialShare:P0} inspected vs {cityShare:P0} of the city");
        Assert.Contains(items, i => i.GetProperty("vacantMarking").GetString() is "/" or "X");
    }

    [Fact]
    public void Hydrants_stand_at_every_ward_alarm_box_and_some_are_out_of_service()
    {
        var (_, rows) = GeneratedFiles.ReadCsv(city.FileOf("hydrants", "hydrants"));
        var located = rows.Where(r => r["POINT_X"].Length > 0)
            .Select(r => MassStatePlane.ToWgs84(GeneratedFiles.Number(r["POINT_X"])!.Value, GeneratedFiles.Number(r["POINT_Y"])!.Value))
            .ToList();
        using var boxes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(GeneratedFiles.RealData, "fire_alarm_boxes.geojson")));
        var wardBoxes = boxes.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("WARD").GetString() == "01")
            .Select(f => f.GetProperty("geometry").GetProperty("coordinates"))
            .Select(c => (Latitude: c[1].GetDouble(), Longitude: c[0].GetDouble()))
            .ToList();

        Assert.Equal(130, wardBoxes.Count);
        var near = wardBoxes.Count(box => located.Any(h => Meters(h, box) < 15));
        Assert.True(near >= wardBoxes.Count * 0.95, $"{near} of {wardBoxes.Count} boxes have a hydrant within 15 m");
        Assert.True(rows.Count > 300);
        var outOfService = rows.Count(r => r["STATUS"] == "OUT OF SERVICE") / (double)rows.Count;
        Assert.InRange(outOfService, 0.02, 0.09);
        Assert.Equal(["A", "AA", "B", "C"], rows.Select(r => r["FLOW_CLASS"]).Where(c => c.Length > 0).Distinct().Order());
    }

    [Fact]
    public void Generated_files_carry_controlled_messiness()
    {
        var (_, permits) = GeneratedFiles.ReadCsv(city.FileOf("building-permits", "permits"));
        var (_, hazmat) = GeneratedFiles.ReadCsv(city.FileOf("hazmat-permits", "permits"));
        var (_, assessment) = GeneratedFiles.ReadCsv(city.FileOf("assessing", "assessment"));

        Assert.Contains(permits, r => r["permitnumber"].Length == 0);
        Assert.Contains(hazmat, r => r["PERMIT_NUMBER"].Length == 0);
        Assert.Contains(assessment, r => r["PID"].Length == 0);
        Assert.Contains(assessment, r => r["ZIP_CODE"] == "2128");
        Assert.Contains(assessment, r => r["PID"].Length == 9);
        var latLons = permits.Select(r => (Lat: r["y_latitude"], Lon: r["x_longitude"]))
            .Concat(hazmat.Select(r => (Lat: r["LATITUDE"], Lon: r["LONGITUDE"])))
            .ToList();
        Assert.Contains(latLons, p => p.Lat == "42.3594" && p.Lon == "-71.0587");
        Assert.Contains(latLons, p => GeneratedFiles.Number(p.Lat) < -70);
        Assert.Contains(latLons, p => p.Lat.Length == 0);
        Assert.Contains(permits, r => r["address"].Contains("Street", StringComparison.Ordinal) || r["address"].Any(char.IsLower));

        var lines = File.ReadAllLines(city.FileOf("assessing", "assessment")).Skip(1).Where(l => !l.StartsWith(',')).ToList();
        Assert.True(lines.Count > lines.Distinct().Count(), "expected exact duplicate rows");
    }

    private Dictionary<string, string> AssessmentRow(string pid)
    {
        var (_, rows) = GeneratedFiles.ReadCsv(city.FileOf("assessing", "assessment"));
        return rows.First(r => r["PID"].Length > 0 && r["PID"].PadLeft(10, '0') == pid);
    }

    private static string AddressOf(Dictionary<string, string> row) =>
        string.Join(' ', new[] { row["ST_NUM"], row["ST_NUM2"], row["ST_NAME"], row["ST_NAME_SUF"] }.Where(p => p.Length > 0));

    private static double Meters((double Latitude, double Longitude) a, (double Latitude, double Longitude) b)
    {
        var dy = (a.Latitude - b.Latitude) * 110_574;
        var dx = (a.Longitude - b.Longitude) * 111_320 * Math.Cos(a.Latitude * Math.PI / 180);
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
