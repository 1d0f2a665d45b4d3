using BIS.Web.Security;
using Npgsql;

namespace BIS.Web.Map;

/// <summary>
/// Mapbox Vector Tiles of buildings (id and severity) and hydrants (id, in service, flow class) for
/// the dispatch map, cut by PostGIS so a map never receives more than the tile it shows. Tiles carry
/// no source text (addresses, owners): nothing in them can end up rendered as HTML.
/// </summary>
public static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";
    public const int MaxZoom = 22;
    public const int BuildingsMinZoom = 13;
    public const int HydrantsMinZoom = 15;

    /// <summary>
    /// Below this zoom a building is sent as its point: a house is a speck of 2 by 4 pixels at z14,
    /// and a z14 tile of a dense city holds ~7,000 buildings, whose shapes took ~3 times as long to cut.
    /// </summary>
    public const int ShapesMinZoom = 15;

    private const int Extent = 4096;

    /// <summary>Tile units kept around each tile so lines and symbols do not end abruptly at its edge.</summary>
    private const int Buffer = 64;

    // The tables are in WGS84 and indexed there; the tile envelope is Web Mercator. The envelope
    // (widened by the buffer) is transformed to 4326 for the GiST filter, written out where it is
    // used so the planner folds it to a constant; only the rows that pass are transformed to 3857 for
    // ST_AsMVTGeom. Mercator maps a box to a box, so the filter is exact.
    private const string TileSql =
        """
        WITH buildings AS (
            SELECT b.building_id AS id, coalesce(h.max_severity, 0) AS sev,
                   ST_AsMVTGeom(ST_Transform(
                       CASE WHEN @shapes THEN coalesce(b.footprint, b.parcel_shape, b.location) ELSE b.location END, 3857),
                       ST_TileEnvelope(@z, @x, @y), @extent, @buffer, true) AS geom
            FROM building b
            LEFT JOIN hazard_index h ON h.building_id = b.building_id
            WHERE @z >= @buildingsMinZoom
              AND (b.location && ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => @margin), 4326)
                   OR @shapes AND b.footprint && ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => @margin), 4326)
                   OR @shapes AND b.parcel_shape && ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => @margin), 4326))
        ), hydrants AS (
            SELECT d.hydrant_id AS id, d.in_service AS ok, d.attrs ->> 'flowClass' AS flow,
                   ST_AsMVTGeom(ST_Transform(d.location, 3857), ST_TileEnvelope(@z, @x, @y), @extent, @buffer, true) AS geom
            FROM hydrant d
            WHERE @z >= @hydrantsMinZoom
              AND d.location && ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => @margin), 4326)
        )
        SELECT coalesce((SELECT ST_AsMVT(buildings, 'buildings', @extent, 'geom') FROM buildings WHERE geom IS NOT NULL), ''::bytea)
            || coalesce((SELECT ST_AsMVT(hydrants, 'hydrants', @extent, 'geom') FROM hydrants WHERE geom IS NOT NULL), ''::bytea)
        """;

    public static IEndpointRouteBuilder MapTiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/tiles/{z:int}/{x:int}/{y:int}.mvt", GetTileAsync).RequireAuthorization(BisPolicies.ReadHazards);
        return endpoints;
    }

    private static async Task<IResult> GetTileAsync(int z, int x, int y, NpgsqlDataSource dataSource, HttpContext context, CancellationToken ct)
    {
        if (z is < 0 or > MaxZoom || x < 0 || y < 0 || x >= 1L << z || y >= 1L << z)
        {
            return Results.Problem($"No tile {z}/{x}/{y}: zoom must be 0 to {MaxZoom}, x and y 0 to 2^zoom - 1.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (z < BuildingsMinZoom)
        {
            return Results.NoContent();
        }

        await using var command = dataSource.CreateCommand(TileSql);
        command.Parameters.AddWithValue("z", z);
        command.Parameters.AddWithValue("x", x);
        command.Parameters.AddWithValue("y", y);
        command.Parameters.AddWithValue("margin", (double)Buffer / Extent);
        command.Parameters.AddWithValue("extent", Extent);
        command.Parameters.AddWithValue("buffer", Buffer);
        command.Parameters.AddWithValue("shapes", z >= ShapesMinZoom);
        command.Parameters.AddWithValue("buildingsMinZoom", BuildingsMinZoom);
        command.Parameters.AddWithValue("hydrantsMinZoom", HydrantsMinZoom);
        var tile = (byte[])(await command.ExecuteScalarAsync(ct))!;
        if (tile.Length == 0)
        {
            return Results.NoContent();
        }

        // Hazards change with every feed run; a map panning back and forth may reuse a tile briefly.
        context.Response.Headers.CacheControl = "private, max-age=30";
        return Results.Bytes(tile, ContentType);
    }
}
