using Npgsql;

namespace BIS.Web.Map;

/// <summary>
/// Cuts Mapbox Vector Tiles of buildings (id and severity) and hydrants (id, in service, flow class)
/// in PostGIS, so a map never receives more than the tile it shows. Tiles carry no source text
/// (addresses, owners): nothing in them can end up rendered as HTML.
/// </summary>
public static class TileCutter
{
    public const int BuildingsMinZoom = 13;
    public const int HydrantsMinZoom = 15;

    /// <summary>
    /// Below this zoom a building is sent as its point: a house is a speck of 2 by 4 pixels at z14,
    /// and a z14 tile of a dense city holds ~7,000 buildings, whose shapes took ~3 times as long to cut.
    /// </summary>
    public const int ShapesMinZoom = 15;

    public const int Extent = 4096;

    /// <summary>Tile units kept around each tile so lines and symbols do not end abruptly at its edge.</summary>
    public const int Buffer = 64;

    // Buildings carry their tile shapes in Web Mercator (migration 0008), so the tile envelope filters
    // them through their own GiST index and nothing is transformed per request. Hydrants are few per
    // tile: their envelope is transformed to 4326 for the filter and only the hits to 3857.
    // The envelope is written out where it is used so the planner folds it to a constant.
    private const string TileSql =
        """
        WITH buildings AS (
            SELECT b.building_id AS id, coalesce(h.max_severity, 0) AS sev,
                   ST_AsMVTGeom(b.tile_shape, ST_TileEnvelope(@z, @x, @y), @extent, @buffer, true) AS geom
            FROM building b
            LEFT JOIN hazard_index h ON h.building_id = b.building_id
            WHERE @shapes AND @z >= @buildingsMinZoom AND b.tile_shape && ST_TileEnvelope(@z, @x, @y, margin => @margin)
            UNION ALL
            SELECT b.building_id, coalesce(h.max_severity, 0),
                   ST_AsMVTGeom(b.tile_point, ST_TileEnvelope(@z, @x, @y), @extent, @buffer, true)
            FROM building b
            LEFT JOIN hazard_index h ON h.building_id = b.building_id
            WHERE NOT @shapes AND @z >= @buildingsMinZoom AND b.tile_point && ST_TileEnvelope(@z, @x, @y, margin => @margin)
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

    public static async Task<byte[]?> CutAsync(NpgsqlDataSource dataSource, int z, int x, int y, CancellationToken cancellationToken)
    {
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
        return (byte[]?)await command.ExecuteScalarAsync(cancellationToken);
    }
}
