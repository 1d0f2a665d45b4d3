namespace BIS.Ingest.SampleCity;

/// <summary>
/// Equirectangular metres around a reference point: plenty accurate across one city, and cheap
/// enough to lay out hundreds of thousands of lots.
/// </summary>
internal readonly record struct LocalMeters(double OriginLatitude, double OriginLongitude)
{
    private const double MetersPerDegreeLatitude = 110_574.0;
    private const double MetersPerDegreeLongitudeAtEquator = 111_320.0;

    private double MetersPerDegreeLongitude => MetersPerDegreeLongitudeAtEquator * Math.Cos(OriginLatitude * Math.PI / 180.0);

    public (double X, double Y) ToMeters(double latitude, double longitude) =>
        ((longitude - OriginLongitude) * MetersPerDegreeLongitude, (latitude - OriginLatitude) * MetersPerDegreeLatitude);

    public (double Latitude, double Longitude) ToDegrees(double x, double y) =>
        (OriginLatitude + y / MetersPerDegreeLatitude, OriginLongitude + x / MetersPerDegreeLongitude);
}
