using System.Text.Json;

namespace BIS.Ingest.SampleCity;

/// <summary>An axis-aligned rectangle in WGS84 degrees (synthetic lots and buildings are rectangles).</summary>
internal readonly record struct DegreeBox(double South, double West, double North, double East);

/// <summary>
/// Streams the assessing feed's GeoJSON layers for the synthetic city in the shapes of Boston's files:
/// the FY parcel layer (<c>PID_LONG</c>, <c>PARCEL</c>, <c>WARD</c>, <c>WPD</c>) and Boston Buildings
/// footprints (<c>BLDG_ID</c> = <c>Bos_&lt;PID&gt;_B&lt;n&gt;</c>, <c>address</c>, <c>owners</c>, <c>year_built</c>).
/// </summary>
internal sealed class CityGeoJson : IDisposable
{
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private bool _disposed;

    private CityGeoJson(string path, string? name)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _json = new Utf8JsonWriter(_stream);
        _json.WriteStartObject();
        _json.WriteString("type", "FeatureCollection");
        if (name is not null)
        {
            _json.WriteString("name", name);
            _json.WriteStartObject("crs");
            _json.WriteString("type", "name");
            _json.WriteStartObject("properties");
            _json.WriteString("name", "urn:ogc:def:crs:OGC:1.3:CRS84");
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        _json.WriteStartArray("features");
    }

    public string Path { get; }

    public long Features { get; private set; }

    public static CityGeoJson Parcels(string path) => new(path, name: null);

    public static CityGeoJson Footprints(string path) => new(path, "Boston_Buildings_synthetic");

    /// <param name="pid">Null writes a parcel without an id (harbour-island style) that readers must cope with.</param>
    public void WriteParcel(string? pid, string parcel, int ward, string wpd, DegreeBox box)
    {
        _json.WriteStartObject();
        _json.WriteString("type", "Feature");
        _json.WriteStartObject("properties");
        if (pid is not null)
        {
            _json.WriteString("PID_LONG", pid);
        }

        _json.WriteString("WPD", wpd);
        _json.WriteNumber("WARD", ward);
        _json.WriteString("PARCEL", parcel);
        _json.WriteEndObject();
        WritePolygon(box);
        _json.WriteEndObject();
        Features++;
        FlushIfFull();
    }

    public void WriteFootprint(long objectId, string pid, int buildingNumber, string? address, string? owners, int? yearBuilt, DegreeBox box, double areaSquareFeet, double perimeterFeet)
    {
        _json.WriteStartObject();
        _json.WriteString("type", "Feature");
        _json.WriteStartObject("properties");
        _json.WriteNumber("OBJECTID", objectId);
        _json.WriteString("BLDG_ID", $"Bos_{pid}_B{buildingNumber}");
        _json.WriteNumber("BID", objectId + 3166);
        _json.WriteNumber("LIFECYCLE_STATUS", 1);
        _json.WriteNull("TYPE_ID");
        _json.WriteNull("LIFECYCLE_DATE");
        _json.WriteNumber("Shapearea", Math.Round(areaSquareFeet, 4));
        _json.WriteNumber("Shapelen", Math.Round(perimeterFeet, 4));
        _json.WriteString("sanitized_building_id", pid.TrimStart('0'));
        if (yearBuilt is { } year)
        {
            _json.WriteString("year_built", Formats.Int(year));
            _json.WriteString("year_build_era", year < 1880 ? "pre-1880" : year < 1926 ? "1880-1925" : year < 1980 ? "1926-1979" : "1980-present");
        }
        else
        {
            _json.WriteNull("year_built");
            _json.WriteNull("year_build_era");
        }

        _json.WriteString("address", address ?? "  ");
        WriteNullable("owners", owners);
        _json.WriteEndObject();
        WritePolygon(box);
        _json.WriteEndObject();
        Features++;
        FlushIfFull();
    }

    private void WriteNullable(string name, string? value)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteString(name, value);
        }
    }

    private void WritePolygon(DegreeBox box)
    {
        _json.WriteStartObject("geometry");
        _json.WriteString("type", "Polygon");
        _json.WriteStartArray("coordinates");
        _json.WriteStartArray();
        WritePoint(box.West, box.South);
        WritePoint(box.East, box.South);
        WritePoint(box.East, box.North);
        WritePoint(box.West, box.North);
        WritePoint(box.West, box.South);
        _json.WriteEndArray();
        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    private void WritePoint(double longitude, double latitude)
    {
        _json.WriteStartArray();
        _json.WriteNumberValue(Math.Round(longitude, 8));
        _json.WriteNumberValue(Math.Round(latitude, 8));
        _json.WriteEndArray();
    }

    private void FlushIfFull()
    {
        if (_json.BytesPending > 1 << 16)
        {
            _json.Flush();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Dispose();
        _stream.Dispose();
    }
}
