using System.Globalization;
using System.Net;
using BIS.TestSupport;
using BIS.Web.Map;
using NetTopologySuite.Features;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using TileAddress = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace BIS.Web.Tests.Map;

/// <summary>Vector tiles over HTTP, cut by PostGIS from the mini city loaded by the real pipeline, decoded as MVT.</summary>
public sealed class TileEndpointTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    // Inside the parcel of 302 Sumner St (see MiniCity).
    private const double SumnerLatitude = 42.36770;
    private const double SumnerLongitude = -71.03660;

    private readonly HttpClient _client = factory.CreateCadClient();

    [Theory]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(19)]
    public async Task A_tile_over_a_building_carries_its_id_and_severity(int zoom)
    {
        var id = await factory.Database.ScalarAsync<long>("SELECT building_id FROM building WHERE parcel_id = '0102280000'");
        var severity = await factory.Database.ScalarAsync<short>($"SELECT max_severity FROM hazard_index WHERE building_id = {id}");
        Assert.True(severity > 0, "302 Sumner has an open unsafe-structure violation");

        var (x, y) = SlippyTiles.At(SumnerLatitude, SumnerLongitude, zoom);
        var response = await _client.GetAsync($"/api/tiles/{zoom}/{x}/{y}.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var tile = await DecodeAsync(response, x, y, zoom);
        var buildings = Assert.Single(tile.Layers, l => l.Name == "buildings");
        var sumner = Assert.Single(buildings.Features, f => IdOf(f) == id);
        Assert.Equal(severity, Convert.ToInt32(sumner.Attributes["sev"], CultureInfo.InvariantCulture));
        Assert.Equal(zoom >= TileCutter.ShapesMinZoom ? "Polygon" : "Point", sumner.Geometry.GeometryType);
        Assert.All(buildings.Features, f => Assert.Equal(["id", "sev"], f.Attributes.GetNames().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Hydrants_come_from_zoom_15_with_id_service_and_flow_only()
    {
        await using (var insert = factory.Database.DataSource.CreateCommand(
            """
            INSERT INTO hydrant (hydrant_id, in_service, attrs, location, line_number, content_hash, updated_run_id)
            VALUES ('H-TILE-1', false, '{"flowClass":"AA","flowGpm":1600,"street":"SUMNER ST"}', ST_SetSRID(ST_MakePoint(-71.03655, 42.36765), 4326), 1, 'x', 0)
            ON CONFLICT DO NOTHING
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var (x, y) = SlippyTiles.At(SumnerLatitude, SumnerLongitude, 15);
        var tile = await DecodeAsync(await _client.GetAsync($"/api/tiles/15/{x}/{y}.mvt"), x, y, 15);
        var hydrant = Assert.Single(Assert.Single(tile.Layers, l => l.Name == "hydrants").Features);
        Assert.Equal("H-TILE-1", hydrant.Attributes["id"]);
        Assert.Equal(false, hydrant.Attributes["ok"]);
        Assert.Equal("AA", hydrant.Attributes["flow"]);
        Assert.Equal(["flow", "id", "ok"], hydrant.Attributes.GetNames().Order(StringComparer.Ordinal));

        (x, y) = SlippyTiles.At(SumnerLatitude, SumnerLongitude, 14);
        var wide = await DecodeAsync(await _client.GetAsync($"/api/tiles/14/{x}/{y}.mvt"), x, y, 14);
        Assert.DoesNotContain(wide.Layers, l => l.Name == "hydrants");
    }

    [Fact]
    public async Task A_building_without_hazard_index_row_has_severity_zero()
    {
        // 100 Meridian St, inside its parcel.
        var id = await factory.Database.ScalarAsync<long>("SELECT building_id FROM building WHERE parcel_id = '0103000000'");
        await using (var delete = factory.Database.DataSource.CreateCommand($"DELETE FROM hazard_index WHERE building_id = {id}"))
        {
            await delete.ExecuteNonQueryAsync();
        }

        var (x, y) = SlippyTiles.At(42.37010, -71.03880, 17);
        var tile = await DecodeAsync(await _client.GetAsync($"/api/tiles/17/{x}/{y}.mvt"), x, y, 17);
        var meridian = Assert.Single(Assert.Single(tile.Layers, l => l.Name == "buildings").Features, f => IdOf(f) == id);
        Assert.Equal(0, Convert.ToInt32(meridian.Attributes["sev"], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(16, 0.0, 0.0)]
    [InlineData(12, SumnerLatitude, SumnerLongitude)]
    [InlineData(0, 0.0, 0.0)]
    public async Task A_tile_with_nothing_to_show_is_204(int zoom, double latitude, double longitude)
    {
        var (x, y) = SlippyTiles.At(latitude, longitude, zoom);
        var response = await _client.GetAsync($"/api/tiles/{zoom}/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/tiles/23/0/0.mvt")]
    [InlineData("/api/tiles/-1/0/0.mvt")]
    [InlineData("/api/tiles/16/65536/0.mvt")]
    [InlineData("/api/tiles/16/0/65536.mvt")]
    [InlineData("/api/tiles/16/-1/0.mvt")]
    [InlineData("/api/tiles/0/1/0.mvt")]
    public async Task Coordinates_outside_the_tile_grid_are_400(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_requests_are_401()
    {
        var (x, y) = SlippyTiles.At(SumnerLatitude, SumnerLongitude, 16);
        var response = await factory.CreateClient().GetAsync($"/api/tiles/16/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static long IdOf(IFeature feature) => Convert.ToInt64(feature.Attributes["id"], CultureInfo.InvariantCulture);

    private static async Task<VectorTile> DecodeAsync(HttpResponseMessage response, int x, int y, int zoom)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(body);
        return new MapboxTileReader().Read(new MemoryStream(body), new TileAddress(x, y, zoom));
    }
}
