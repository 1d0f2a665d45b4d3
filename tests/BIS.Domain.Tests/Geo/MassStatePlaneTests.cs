using BIS.Domain.Geo;

namespace BIS.Domain.Tests.Geo;

public class MassStatePlaneTests
{
    // Reference values computed with PROJ 9 (cs2cs EPSG:4326 EPSG:2249).
    [Theory]
    [InlineData(42.3603, -71.0580, 775626.46, 2956632.01)] // Boston City Hall
    [InlineData(42.367678491544524, -71.03658037747812, 781400.90, 2959351.60)] // 302 Sumner St, East Boston
    [InlineData(42.2553, -71.1238, 758011.52, 2918282.95)] // Hyde Park
    public void Converts_wgs84_to_feet_like_proj(double lat, double lon, double x, double y)
    {
        var (gotX, gotY) = MassStatePlane.FromWgs84(lat, lon);

        Assert.Equal(x, gotX, 0.05);
        Assert.Equal(y, gotY, 0.05);
    }

    [Fact]
    public void Converts_feet_to_wgs84_like_proj()
    {
        var (lat, lon) = MassStatePlane.ToWgs84(775000, 2956000);

        Assert.Equal(42.3585746, lat, 0.000001);
        Assert.Equal(-71.0603299, lon, 0.000001);
    }

    [Theory]
    [InlineData(42.3603, -71.0580)]
    [InlineData(42.39, -70.99)]
    [InlineData(42.23, -71.19)]
    public void Round_trips_within_ten_centimetres(double lat, double lon)
    {
        var (x, y) = MassStatePlane.FromWgs84(lat, lon);
        var (backLat, backLon) = MassStatePlane.ToWgs84(x, y);

        Assert.Equal(lat, backLat, 1e-6);
        Assert.Equal(lon, backLon, 1e-6);
    }

    [Fact]
    public void Converts_a_polygon_and_tags_it_wgs84()
    {
        var feet = new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon(
        [
            new(775000, 2956000), new(775100, 2956000), new(775100, 2956100), new(775000, 2956100), new(775000, 2956000),
        ]);

        var wgs = MassStatePlane.ToWgs84(feet);

        Assert.Equal(4326, wgs.SRID);
        Assert.Equal(-71.0603299, wgs.Coordinates[0].X, 0.000001);
        Assert.Equal(42.3585746, wgs.Coordinates[0].Y, 0.000001);
        Assert.Equal(775000, feet.Coordinates[0].X);
    }
}
