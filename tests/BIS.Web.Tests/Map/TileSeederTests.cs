using BIS.TestSupport;
using BIS.Web.Lookup;
using BIS.Web.Map;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Map;

/// <summary>The city's tiles are cut ahead and served from memory, and cut again after a change empties the cache.</summary>
public sealed class TileSeederTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private const double SumnerLatitude = 42.36770;
    private const double SumnerLongitude = -71.03660;
    private static readonly TimeSpan CutAhead = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_street_tile_nobody_asked_for_is_served_from_memory_and_cut_again_after_a_clear()
    {
        var caches = factory.Services.GetRequiredService<LookupCaches>();
        using var client = factory.CreateCadClient();
        var (x, y) = SlippyTiles.At(SumnerLatitude, SumnerLongitude, 17);

        await Eventually.HoldsAsync(() => caches.Tiles.Holds((17, x, y)), CutAhead, "The city's tiles were not cut ahead within 60 s.");
        var misses = caches.Tiles.Misses;
        (await client.GetAsync($"/api/tiles/17/{x}/{y}.mvt")).EnsureSuccessStatusCode();
        Assert.Equal(misses, caches.Tiles.Misses);

        // A feed run was heard: every tile goes, and the seeder cuts them again.
        caches.InvalidateAll();
        Assert.False(caches.Tiles.Holds((17, x, y)));
        await Eventually.HoldsAsync(() => caches.Tiles.Holds((17, x, y)), CutAhead, "The city's tiles were not cut ahead within 60 s.");
    }

    [Fact]
    public void The_tile_range_of_a_box_is_the_tiles_its_corners_fall_in()
    {
        // A box of ±500 m around 302 Sumner St, in Web Mercator metres.
        const double HalfWorld = 20_037_508.342789244;
        var x = SumnerLongitude * HalfWorld / 180;
        var y = Math.Log(Math.Tan((90 + SumnerLatitude) * Math.PI / 360)) / Math.PI * HalfWorld;
        var (sumnerX, sumnerY) = SlippyTiles.At(SumnerLatitude, SumnerLongitude, 16);

        var (minX, minY, maxX, maxY) = TileSeeder.TileRange((x - 500, y - 500, x + 500, y + 500), 16);

        Assert.InRange(sumnerX, minX, maxX);
        Assert.InRange(sumnerY, minY, maxY);
        Assert.True(maxX - minX is >= 1 and <= 2, "1 km spans two or three z16 tiles (about 450 m each at this latitude)");
        Assert.True(maxY - minY is >= 1 and <= 2);
    }
}
