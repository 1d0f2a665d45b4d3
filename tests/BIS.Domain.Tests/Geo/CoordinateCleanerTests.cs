using BIS.Domain.Geo;

namespace BIS.Domain.Tests.Geo;

public class CoordinateCleanerTests
{
    private readonly CoordinateCleaner _cleaner = new();

    [Fact]
    public void Keeps_a_good_wgs84_point_as_lon_lat_srid_4326()
    {
        var result = _cleaner.FromLatLon(42.367678491544524, -71.03658037747812);

        Assert.NotNull(result.Point);
        Assert.Equal(4326, result.Point!.SRID);
        Assert.Equal(-71.03658037747812, result.Point.X);
        Assert.Equal(42.367678491544524, result.Point.Y);
        Assert.Equal(CoordinateFix.None, result.Fix);
        Assert.Null(result.Problem);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(42.36, null)]
    [InlineData(0.0, 0.0)]
    [InlineData(42.36, 0.0)]
    [InlineData(double.NaN, -71.05)]
    public void Blank_or_zero_is_no_coordinates(double? lat, double? lon)
    {
        var result = _cleaner.FromLatLon(lat, lon);

        Assert.Null(result.Point);
        Assert.Equal(CoordinateCleaner.NoCoordinates, result.Problem);
    }

    [Theory]
    [InlineData("", " ")]
    [InlineData("N/A", "N/A")]
    [InlineData("0", "0")]
    public void Blank_text_is_no_coordinates(string lat, string lon)
    {
        Assert.Equal(CoordinateCleaner.NoCoordinates, _cleaner.FromLatLon(lat, lon).Problem);
    }

    [Fact]
    public void Garbage_text_is_not_a_coordinate()
    {
        Assert.Equal(CoordinateCleaner.NotACoordinate, _cleaner.FromLatLon("north", "-71.05").Problem);
    }

    [Theory]
    [InlineData(42.3594, -71.0587)]
    [InlineData(42.35941, -71.05868)]
    [InlineData(42.3598, -71.0583)]
    public void City_hall_default_point_is_a_placeholder(double lat, double lon)
    {
        var result = _cleaner.FromLatLon(lat, lon);

        Assert.Null(result.Point);
        Assert.Equal(CoordinateCleaner.Placeholder, result.Problem);
    }

    [Fact]
    public void City_hall_itself_is_not_the_placeholder()
    {
        Assert.NotNull(_cleaner.FromLatLon(42.3603, -71.0580).Point);
    }

    [Fact]
    public void Swapped_lat_lon_is_fixed()
    {
        var result = _cleaner.FromLatLon(-71.03658, 42.36768);

        Assert.Equal(CoordinateFix.SwappedLatLon, result.Fix);
        Assert.Equal(42.36768, result.Point!.Y);
        Assert.Equal(-71.03658, result.Point.X);
    }

    [Fact]
    public void Swapped_placeholder_is_still_a_placeholder()
    {
        Assert.Equal(CoordinateCleaner.Placeholder, _cleaner.FromLatLon(-71.0587, 42.3594).Problem);
    }

    [Fact]
    public void State_plane_feet_are_converted()
    {
        var result = _cleaner.FromXY(775626.46, 2956632.01);

        Assert.Equal(CoordinateFix.FromStatePlane, result.Fix);
        Assert.Equal(42.3603, result.Point!.Y, 0.000001);
        Assert.Equal(-71.0580, result.Point.X, 0.000001);
        Assert.Equal(4326, result.Point.SRID);
    }

    [Fact]
    public void State_plane_feet_in_lat_lon_columns_are_converted_either_way_round()
    {
        var asYX = _cleaner.FromLatLon(2959351.60, 781400.90);
        var asXY = _cleaner.FromLatLon(781400.90, 2959351.60);

        Assert.Equal(42.3676785, asYX.Point!.Y, 0.000001);
        Assert.Equal(asYX.Point, asXY.Point);
        Assert.Equal(CoordinateFix.FromStatePlane, asXY.Fix);
    }

    [Fact]
    public void State_plane_text_is_parsed()
    {
        var result = _cleaner.FromXY("775626.46", " 2956632.01 ");

        Assert.Equal(-71.0580, result.Point!.X, 0.000001);
    }

    [Theory]
    [InlineData(36.7010463, -78.9003424)] // "2ND ST Boston" geocoded to Virginia
    [InlineData(34.244386753001244, -73.6513909034731)] // violations' off-shore default
    [InlineData(42.2626, -71.8023)] // Worcester
    public void Points_outside_the_service_area_are_dropped(double lat, double lon)
    {
        var result = _cleaner.FromLatLon(lat, lon);

        Assert.Null(result.Point);
        Assert.Equal(CoordinateCleaner.OutsideServiceArea, result.Problem);
    }

    [Fact]
    public void Service_area_is_configurable()
    {
        var cambridge = new CoordinateCleaner(new ServiceArea(42.35, 42.41, -71.17, -71.06));

        Assert.NotNull(cambridge.FromLatLon(42.3736, -71.1097).Point);
        Assert.Equal(CoordinateCleaner.OutsideServiceArea, cambridge.FromLatLon(42.2553, -71.1238).Problem);
    }

    [Fact]
    public void Invalid_service_area_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CoordinateCleaner(new ServiceArea(42.4, 42.2, -71.2, -70.9)));
    }

    [Fact]
    public void Out_of_range_numbers_are_not_coordinates()
    {
        Assert.Equal(CoordinateCleaner.NotACoordinate, _cleaner.FromLatLon(1234.5, 5678.9).Problem);
    }
}
