namespace BIS.Domain.Geo;

/// <summary>
/// The WGS84 box a fire department serves. Points outside it are geocoder misses (the 2012 fire extract
/// puts "2ND ST Boston" in Virginia) and must not be drawn on the dispatcher's map.
/// </summary>
public sealed record ServiceArea(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    /// <summary>City of Boston with a small margin, harbor islands included (Outer Brewster is at −70.87).</summary>
    public static ServiceArea Boston { get; } = new(42.22, 42.41, -71.20, -70.86);

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;

    /// <summary>Null when the box is usable; otherwise what is wrong with it (for options validation).</summary>
    public string? Problem() =>
        MinLatitude is < -90 or > 90 || MaxLatitude is < -90 or > 90 ? "latitudes must be within ±90"
        : MinLongitude is < -180 or > 180 || MaxLongitude is < -180 or > 180 ? "longitudes must be within ±180"
        : MinLatitude >= MaxLatitude ? "MinLatitude must be below MaxLatitude"
        : MinLongitude >= MaxLongitude ? "MinLongitude must be below MaxLongitude"
        : null;
}
