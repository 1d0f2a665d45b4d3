using System.Globalization;
using NetTopologySuite.Geometries;

namespace BIS.Domain.Geo;

/// <summary>What had to be done to a source's coordinate pair to get a WGS84 point.</summary>
public enum CoordinateFix
{
    None,
    /// <summary>The source put longitude in its latitude column and vice versa.</summary>
    SwappedLatLon,
    /// <summary>The pair was Massachusetts State Plane feet (EPSG:2249), converted.</summary>
    FromStatePlane,
}

/// <summary>A cleaned coordinate: a WGS84 point (SRID 4326), or null and why none could be used.</summary>
public readonly record struct CleanedCoordinate(Point? Point, string? Problem, CoordinateFix Fix)
{
    public static CleanedCoordinate None(string problem) => new(null, problem, CoordinateFix.None);
}

/// <summary>
/// Turns the coordinates feeds actually carry into a usable WGS84 point: blanks and zeros, swapped lat/lon,
/// State Plane feet, the City Hall default point that geocoders fall back to, and geocoder misses outside the
/// service area.
/// </summary>
public sealed class CoordinateCleaner(ServiceArea serviceArea)
{
    public const string NoCoordinates = "no coordinates";
    public const string Placeholder = "placeholder (City Hall default point)";
    public const string OutsideServiceArea = "outside service area";
    public const string NotACoordinate = "not a coordinate pair";

    // Boston's 311 and geocoders put unknown locations on City Hall Plaza; 0.0005° (~50 m) covers the
    // four-decimal rounding seen in the 311 export without reaching City Hall's own parcel centroid.
    private const double PlaceholderLatitude = 42.3594;
    private const double PlaceholderLongitude = -71.0587;
    private const double PlaceholderTolerance = 0.0005;

    public CoordinateCleaner()
        : this(ServiceArea.Boston)
    {
    }

    public ServiceArea ServiceArea { get; } = serviceArea.Problem() is { } problem
        ? throw new ArgumentException($"Invalid service area: {problem}", nameof(serviceArea))
        : serviceArea;

    /// <summary>A pair the source calls latitude/longitude (which may still be swapped or be State Plane feet).</summary>
    public CleanedCoordinate FromLatLon(double? latitude, double? longitude) => Clean(latitude, longitude);

    /// <summary>A pair the source calls X/Y: State Plane feet, or lon/lat degrees.</summary>
    public CleanedCoordinate FromXY(double? x, double? y) => Clean(y, x);

    /// <summary>Text columns as exported; blanks, "N/A" and unparsable text count as no coordinates.</summary>
    public CleanedCoordinate FromLatLon(string? latitude, string? longitude)
    {
        var (lat, latOk) = ParseNumber(latitude);
        var (lon, lonOk) = ParseNumber(longitude);
        return latOk && lonOk ? Clean(lat, lon) : CleanedCoordinate.None(NotACoordinate);
    }

    /// <inheritdoc cref="FromXY(double?, double?)"/>
    public CleanedCoordinate FromXY(string? x, string? y)
    {
        var (xv, xOk) = ParseNumber(x);
        var (yv, yOk) = ParseNumber(y);
        return xOk && yOk ? Clean(yv, xv) : CleanedCoordinate.None(NotACoordinate);
    }

    /// <param name="first">What the source calls latitude (or Y).</param>
    /// <param name="second">What the source calls longitude (or X).</param>
    private CleanedCoordinate Clean(double? first, double? second)
    {
        if (first is not { } a || second is not { } b || !double.IsFinite(a) || !double.IsFinite(b) || a == 0 || b == 0)
        {
            return CleanedCoordinate.None(NoCoordinates);
        }

        double lat, lon;
        var fix = CoordinateFix.None;
        if (MassStatePlane.LooksLikeFeet(b, a))
        {
            (lat, lon) = MassStatePlane.ToWgs84(b, a);
            fix = CoordinateFix.FromStatePlane;
        }
        else if (MassStatePlane.LooksLikeFeet(a, b))
        {
            (lat, lon) = MassStatePlane.ToWgs84(a, b);
            fix = CoordinateFix.FromStatePlane;
        }
        else if (Math.Abs(a) <= 90 && Math.Abs(b) <= 180)
        {
            (lat, lon) = (a, b);
            // Only swap when that lands in the service area: a point elsewhere in the world is a geocoder
            // miss, not a column mix-up.
            if (!ServiceArea.Contains(lat, lon) && Math.Abs(b) <= 90 && ServiceArea.Contains(b, a))
            {
                (lat, lon) = (b, a);
                fix = CoordinateFix.SwappedLatLon;
            }
        }
        else if (Math.Abs(b) <= 90 && Math.Abs(a) <= 180)
        {
            (lat, lon) = (b, a);
            fix = CoordinateFix.SwappedLatLon;
        }
        else
        {
            return CleanedCoordinate.None(NotACoordinate);
        }

        if (Math.Abs(lat - PlaceholderLatitude) <= PlaceholderTolerance
            && Math.Abs(lon - PlaceholderLongitude) <= PlaceholderTolerance)
        {
            return CleanedCoordinate.None(Placeholder);
        }

        if (!ServiceArea.Contains(lat, lon))
        {
            return CleanedCoordinate.None(OutsideServiceArea);
        }

        return new CleanedCoordinate(Wgs84.Point(lat, lon), null, fix);
    }

    /// <returns>Value null with ok=true for blanks; ok=false for text that is not a number.</returns>
    private static (double? Value, bool Ok) ParseNumber(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("NULL", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (value, true)
            : (null, false);
    }
}
