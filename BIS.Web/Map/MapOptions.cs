using System.ComponentModel.DataAnnotations;

namespace BIS.Web.Map;

/// <summary>The console map. With no base tile URL (tests, air-gapped centres) the map draws only its own layers.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>Raster base map, e.g. "https://tile.example.org/{z}/{x}/{y}.png"; empty for none.</summary>
    [Url]
    public string? BaseTileUrl { get; set; }

    public string BaseTileAttribution { get; set; } = "";

    [Range(-90, 90)]
    public double CenterLatitude { get; set; } = 42.3720;

    [Range(-180, 180)]
    public double CenterLongitude { get; set; } = -71.0370;

    [Range(10, 19)]
    public int Zoom { get; set; } = 15;

    /// <summary>Keep the city's tiles cut in memory up to this zoom (<see cref="TileSeeder"/>); 0 cuts every tile on demand.</summary>
    [Range(0, 19)]
    public int SeedTilesToZoom { get; set; } = 17;
}
