using BIS.Ingest.Database;
using BIS.Web.Lookup;
using BIS.Web.Security;
using Npgsql;

namespace BIS.Web.Map;

/// <summary>
/// Mapbox Vector Tiles for the dispatch map (<see cref="TileCutter"/>), served from the tile cache
/// when it holds them (<see cref="TileSeeder"/> keeps the city's street-level tiles there).
/// </summary>
public static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";
    public const int MaxZoom = 22;

    public static IEndpointRouteBuilder MapTiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/tiles/{z:int}/{x:int}/{y:int}.mvt", GetTileAsync).RequireAuthorization(BisPolicies.ReadHazards);
        return endpoints;
    }

    private static async Task<IResult> GetTileAsync(
        int z, int x, int y, [FromKeyedServices(LookupDataSource.Key)] NpgsqlDataSource dataSource, LookupCaches caches, DatabaseRetry retry, CancellationToken ct)
    {
        if (z is < 0 or > MaxZoom || x < 0 || y < 0 || x >= 1L << z || y >= 1L << z)
        {
            return Results.Problem($"No tile {z}/{x}/{y}: zoom must be 0 to {MaxZoom}, x and y 0 to 2^zoom - 1.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (z < TileCutter.BuildingsMinZoom)
        {
            return Results.NoContent();
        }

        var tile = await caches.Tiles.GetOrReadAsync((z, x, y), c => retry.IdempotentAsync(r => TileCutter.CutAsync(dataSource, z, x, y, r), c), ct) ?? [];
        if (tile.Length == 0)
        {
            return Results.NoContent();
        }

        // No browser caching: a tile's colours are hazard severities (no-store, as every answer but static files,
        // see SecurityHeadersMiddleware); the server keeps tiles cut in memory instead.
        return Results.Bytes(tile, ContentType);
    }
}
