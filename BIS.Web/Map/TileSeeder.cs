using System.Diagnostics;
using BIS.Web.Lookup;
using BIS.Web.Resilience;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Map;

/// <summary>
/// Keeps every tile of the city, from the zoom buildings appear to <see cref="MapOptions.SeedTilesToZoom"/>,
/// cut and in the tile cache, so a dispatcher panning to any street gets tiles from memory instead of
/// waiting for PostGIS (a dense z14 tile takes tens of milliseconds to cut, more under load). It cuts
/// again after every feed run that empties the cache and before the kept tiles expire, one tile at a
/// time so it never takes more than one core from the lookups.
/// </summary>
public sealed partial class TileSeeder(
    IOptions<MapOptions> options,
    [FromKeyedServices(LookupDataSource.Key)] NpgsqlDataSource dataSource,
    LookupCaches caches,
    ILogger<TileSeeder> logger) : BackgroundService
{
    /// <summary>Feed runs often come in bursts (a schedule fires several feeds): wait for the last one.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>At most this share of the tile cache is filled by seeding, leaving room for tiles cut on demand.</summary>
    private const double CacheShare = 0.75;

    private const int MaxTiles = 100_000;

    private const double WorldMeters = 40_075_016.685578488;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tiles = caches.Tiles;
        if (options.Value.SeedTilesToZoom < TileCutter.BuildingsMinZoom || !tiles.Enabled)
        {
            return;
        }

        // Cut again while the kept tiles still have a third of their life left.
        var refreshAfter = tiles.Lifetime * 2 / 3;
        long? seeded = null;
        var seededAt = Stopwatch.StartNew();
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var generation = tiles.Generation;
                if (generation != seeded || seededAt.Elapsed > refreshAfter)
                {
                    await Task.Delay(Settle, stoppingToken);
                    if (tiles.Generation == generation && await SeedAsync(generation, stoppingToken))
                    {
                        seeded = generation;
                        seededAt.Restart();
                        backoff.Reset();
                    }

                    continue;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whatever it was (the database restarting, a bug), seeding must not stop for good, nor stop
                // the host: tiles are still cut on demand meanwhile.
                LogSeedFailed(exception, backoff.Next.TotalSeconds);
                await backoff.WaitAsync(stoppingToken);
            }
        }
    }

    /// <returns>False when the cache was emptied part way (the tiles are cut again from the start).</returns>
    private async Task<bool> SeedAsync(long generation, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var extent = await CityExtentAsync(cancellationToken);
        if (extent is null)
        {
            return true;
        }

        var budget = (long)(caches.Tiles.Capacity * CacheShare);
        long bytes = 0;
        var count = 0;
        var lastZoom = TileCutter.BuildingsMinZoom;
        for (var z = TileCutter.BuildingsMinZoom; z <= options.Value.SeedTilesToZoom; z++)
        {
            var (minX, minY, maxX, maxY) = TileRange(extent.Value, z);
            if (count + (long)(maxX - minX + 1) * (maxY - minY + 1) > MaxTiles)
            {
                break;
            }

            for (var x = minX; x <= maxX; x++)
            {
                for (var y = minY; y <= maxY; y++)
                {
                    var tile = await TileCutter.CutAsync(dataSource, z, x, y, cancellationToken) ?? [];
                    if (!caches.Tiles.Keep((z, x, y), tile, generation))
                    {
                        return false;
                    }

                    bytes += tile.Length;
                    count++;
                    if (bytes > budget)
                    {
                        LogBudgetReached(z, budget / 1024 / 1024);
                        LogSeeded(count, TileCutter.BuildingsMinZoom, z, bytes / 1024, watch.Elapsed.TotalSeconds);
                        return true;
                    }
                }
            }

            lastZoom = z;
        }

        LogSeeded(count, TileCutter.BuildingsMinZoom, lastZoom, bytes / 1024, watch.Elapsed.TotalSeconds);
        return true;
    }

    private async Task<(double MinX, double MinY, double MaxX, double MaxY)?> CityExtentAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(tile_shape) AS e FROM building) s");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
        {
            return null;
        }

        return (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
    }

    /// <summary>The tiles (x, y at zoom z, XYZ scheme) covering a Web Mercator box.</summary>
    public static (int MinX, int MinY, int MaxX, int MaxY) TileRange((double MinX, double MinY, double MaxX, double MaxY) box, int z)
    {
        var tiles = 1 << z;
        var size = WorldMeters / tiles;
        int Column(double x) => Math.Clamp((int)Math.Floor((x + WorldMeters / 2) / size), 0, tiles - 1);
        int Row(double y) => Math.Clamp((int)Math.Floor((WorldMeters / 2 - y) / size), 0, tiles - 1);
        return (Column(box.MinX), Row(box.MaxY), Column(box.MaxX), Row(box.MinY));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cut {Count} map tiles (z{From} to z{To}, {Kilobytes} KB) in {Seconds:F1} s")]
    private partial void LogSeeded(int count, int from, int to, long kilobytes, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map tile seeding stopped at z{Zoom}: the tile cache's share ({Megabytes} MB) is full; raise Lookup:Cache:TileMegabytes")]
    private partial void LogBudgetReached(int zoom, long megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not cut the map tiles ahead; they are cut on demand (trying again in {Seconds} s)")]
    private partial void LogSeedFailed(Exception exception, double seconds);
}
