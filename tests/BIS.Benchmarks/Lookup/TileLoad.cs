using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using BIS.TestSupport;
using Npgsql;

namespace BIS.Benchmarks.Lookup;

/// <summary>
/// Random vector tiles inside the city, one zoom at a time as a map requests them, from a few clients
/// at once (a browser fetches a handful of tiles in parallel).
/// </summary>
public sealed class TileLoad(HttpClient http)
{
    public sealed record ZoomResult(int Zoom, Latencies Latencies, int Tiles, int Empty, long Bytes);

    public sealed record Extent(double West, double South, double East, double North);

    public static async Task<Extent> CityExtentAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(location) AS e FROM building) x", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Extent(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
    }

    public async Task<ZoomResult> RunAsync(Extent extent, int zoom, int tiles, int clients, int seed)
    {
        var random = new Random(seed);
        var queue = new ConcurrentQueue<(int X, int Y)>(Enumerable.Range(0, tiles).Select(_ => SlippyTiles.At(
            extent.South + random.NextDouble() * (extent.North - extent.South),
            extent.West + random.NextDouble() * (extent.East - extent.West),
            zoom)));
        var latencies = new Latencies();
        var empty = 0;
        long bytes = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var tile))
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync($"/api/tiles/{zoom}/{tile.X}/{tile.Y}.mvt");
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(start));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    Interlocked.Increment(ref empty);
                }
                else if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Tile {zoom}/{tile.X}/{tile.Y} answered {(int)response.StatusCode}.");
                }

                Interlocked.Add(ref bytes, body.Length);
            }
        })));
        return new ZoomResult(zoom, latencies, tiles, empty, bytes);
    }
}
