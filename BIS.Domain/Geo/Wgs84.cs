using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace BIS.Domain.Geo;

/// <summary>The one geometry factory for index geometries: WGS84 lon/lat, SRID 4326 (what PostGIS stores).</summary>
public static class Wgs84
{
    public const int Srid = 4326;

    public static GeometryFactory Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(Srid);

    public static Point Point(double latitude, double longitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));
}
