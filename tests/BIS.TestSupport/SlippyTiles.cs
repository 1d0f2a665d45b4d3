namespace BIS.TestSupport;

/// <summary>The z/x/y address of the Web Mercator ("slippy map") tile holding a WGS84 point, as Leaflet requests it.</summary>
public static class SlippyTiles
{
    public static (int X, int Y) At(double latitude, double longitude, int zoom)
    {
        var n = 1 << zoom;
        var phi = latitude * Math.PI / 180;
        var x = (int)Math.Floor((longitude + 180) / 360 * n);
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }
}
