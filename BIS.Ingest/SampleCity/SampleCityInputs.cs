using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace BIS.Ingest.SampleCity;

/// <summary>The real East Boston public files the sample city is built on, by file name in the real-data directory.</summary>
internal static class SampleCityFiles
{
    public const string Parcels = "parcels_fy2013_ward01.geojson";
    public const string Footprints = "building_footprints_ward01.geojson";
    public const string Assessment = "property_assessment_sf_values_derived.csv";
    public const string Violations = "building_property_violations.csv";
    public const string FireIncidents = "fire_incidents_2012_geocoded_derived.csv";
    public const string ZoningAppeals = "zoning_board_of_appeal_tracker.csv";
    public const string AlarmBoxes = "fire_alarm_boxes.geojson";
}

internal sealed record RealParcel(string Pid, Geometry Shape);

internal sealed record RealFootprint(string Pid, string? Address, string? Owners, int? YearBuilt);

internal sealed record RealViolation(
    string CaseNumber, string Status, string Description, string Number, string NumberHigh, string Street, string Suffix, string SamId,
    double? Latitude, double? Longitude);

internal sealed record AlarmBox(string Box, string Location, double Latitude, double Longitude);

/// <summary>Reads what the sample city takes from the real files, keeping file order.</summary>
internal sealed class SampleCityInputs
{
    public required IReadOnlyList<RealParcel> Parcels { get; init; }
    /// <summary>Features in the parcel layer, with or without an id.</summary>
    public required int ParcelFeatures { get; init; }
    public required IReadOnlyList<RealFootprint> Footprints { get; init; }
    public required IReadOnlyList<RealViolation> Violations { get; init; }
    /// <summary>YR_BUILT of the derived single-family assessment, by 10-character PID.</summary>
    public required IReadOnlyDictionary<string, int> SingleFamilyYearBuilt { get; init; }
    public required IReadOnlyList<AlarmBox> WardAlarmBoxes { get; init; }

    public static SampleCityInputs Load(string realDirectory)
    {
        string PathOf(string name)
        {
            var path = Path.Combine(realDirectory, name);
            return File.Exists(path) ? path : throw new FileNotFoundException($"The sample city needs the real file '{name}'.", path);
        }

        var parcelFeatures = ReadFeatures(PathOf(SampleCityFiles.Parcels));
        var parcels = new List<RealParcel>();
        foreach (var feature in parcelFeatures)
        {
            var pid = Text(feature.Attributes, "PID_LONG") ?? Text(feature.Attributes, "PID");
            // Harbour islands carry no PID and one parcel is marked "Unassessed": assessing has no row for them.
            if (!string.IsNullOrWhiteSpace(pid) && pid.Trim().All(char.IsAsciiDigit) && feature.Geometry is { IsEmpty: false } shape)
            {
                parcels.Add(new RealParcel(pid.Trim().PadLeft(10, '0'), shape));
            }
        }

        var footprints = new List<RealFootprint>();
        foreach (var feature in ReadFeatures(PathOf(SampleCityFiles.Footprints)))
        {
            var buildingId = Text(feature.Attributes, "BLDG_ID");
            if (buildingId is null || buildingId.Length < 14 || !buildingId.StartsWith("Bos_", StringComparison.Ordinal))
            {
                continue;
            }

            footprints.Add(new RealFootprint(
                buildingId.Substring(4, 10),
                Blank(Text(feature.Attributes, "address")),
                Blank(Text(feature.Attributes, "owners")),
                int.TryParse(Text(feature.Attributes, "year_built"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year > 1600 ? year : null));
        }

        return new SampleCityInputs
        {
            Parcels = parcels,
            ParcelFeatures = parcelFeatures.Count,
            Footprints = footprints,
            Violations = ReadViolations(PathOf(SampleCityFiles.Violations)),
            SingleFamilyYearBuilt = ReadYearBuilt(PathOf(SampleCityFiles.Assessment)),
            WardAlarmBoxes = ReadAlarmBoxes(PathOf(SampleCityFiles.AlarmBoxes), ward: "01"),
        };
    }

    public static FeatureCollection ReadFeatures(string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<FeatureCollection>(stream, options)
            ?? throw new InvalidDataException($"'{path}' holds no GeoJSON FeatureCollection.");
    }

    private static string? Text(IAttributesTable attributes, string name)
    {
        var value = attributes.GetOptionalValue(name);
        return value switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement element => element.GetRawText(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static List<RealViolation> ReadViolations(string path)
    {
        using var reader = CsvFiles.Open(path);
        int C(string name) => CsvFiles.Column(reader, name);
        var (caseNo, status, description, stno, sthigh, street, suffix, sam, lat, lon) =
            (C("case_no"), C("status"), C("description"), C("violation_stno"), C("violation_sthigh"), C("violation_street"),
             C("violation_suffix"), C("sam_id"), C("latitude"), C("longitude"));
        var violations = new List<RealViolation>();
        while (reader.Read())
        {
            string F(int column) => CsvFiles.Field(reader, column).Trim();
            violations.Add(new RealViolation(
                F(caseNo), F(status), F(description), F(stno), F(sthigh), F(street), F(suffix), F(sam),
                Coordinate(F(lat)), Coordinate(F(lon))));
        }

        return violations;
    }

    private static double? Coordinate(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Dictionary<string, int> ReadYearBuilt(string path)
    {
        using var reader = CsvFiles.Open(path);
        var pid = CsvFiles.Column(reader, "PID");
        var year = CsvFiles.Column(reader, "YR_BUILT");
        var years = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = CsvFiles.Field(reader, pid).Trim();
            if (id.Length > 0 && int.TryParse(CsvFiles.Field(reader, year), NumberStyles.Integer, CultureInfo.InvariantCulture, out var built) && built > 1600)
            {
                years.TryAdd(id.PadLeft(10, '0'), built);
            }
        }

        return years;
    }

    private static List<AlarmBox> ReadAlarmBoxes(string path, string ward)
    {
        var boxes = new List<AlarmBox>();
        foreach (var feature in ReadFeatures(path))
        {
            if (Text(feature.Attributes, "WARD")?.Trim() != ward || feature.Geometry is not Point point)
            {
                continue;
            }

            boxes.Add(new AlarmBox(
                Text(feature.Attributes, "BOX") ?? string.Empty,
                (Text(feature.Attributes, "LOCATION") ?? string.Empty).Trim(),
                point.Y,
                point.X));
        }

        return boxes;
    }
}
