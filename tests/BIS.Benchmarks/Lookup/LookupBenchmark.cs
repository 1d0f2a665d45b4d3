using System.Globalization;

namespace BIS.Benchmarks.Lookup;

/// <summary>
/// What a dispatcher waits for, measured against the real BIS.Web process over HTTP on a large
/// synthetic city: address search + building summary under concurrent CAD clients, then vector tiles
/// at street zooms. Twice: as deployed (answers kept per web node, the city's tiles cut ahead), and
/// with both off, so every lookup and tile is read from PostgreSQL. Client, server and PostgreSQL
/// share this machine's cores, so the figures are for the whole system under load.
/// </summary>
public static class LookupBenchmark
{
    private const int QuerySample = 5_000;
    private const int TilesPerZoom = 250;
    private const int TileClients = 8;
    private static readonly int[] TileZooms = [14, 15, 16, 17];
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private const int UncachedSeconds = 20;

    /// <summary>Cold: a BIS.Web that keeps no answer, so every pair and tile is read from PostgreSQL.</summary>
    private static readonly Dictionary<string, string> Uncached = new() { ["Lookup__Cache__Seconds"] = "0", ["Map__SeedTilesToZoom"] = "0" };

    /// <summary>As deployed; the tile seeder's progress is logged so the run can wait for it.</summary>
    private static readonly Dictionary<string, string> Deployed = new() { ["Logging__LogLevel__BIS.Web.Map.TileSeeder"] = "Information" };

    public static async Task<int> RunAsync(int buildings, int seconds, int clients)
    {
        await LookupCityDatabase.EnsureLoadedAsync(buildings);
        var connectionString = LookupCityDatabase.ConnectionString;
        var manifest = Path.Combine(LookupCityDatabase.CityDirectory(buildings), "feeds.json");
        manifest = File.Exists(manifest) ? manifest : null;
        var queries = await AddressQueries.SampleAsync(connectionString, QuerySample, seed: 11);
        var extent = await TileLoad.CityExtentAsync(connectionString);

        // As deployed: the web node keeps recent answers (CAD, console and tablets open the same
        // buildings) and the city's tiles up to z17 cut ahead.
        LookupLoad.Result cached;
        TileFigures served;
        await using (var web = await WebProcess.StartAsync(connectionString, manifest, Deployed))
        {
            Console.WriteLine($"BIS.Web is up at {web.Address} on {LookupCityDatabase.Name}, lookup cache on; waiting for the map tiles to be cut.");
            Console.WriteLine("  " + await web.WaitForOutputAsync("map tiles (", TimeSpan.FromMinutes(15)));
            cached = await MeasureLookupAsync(web, queries, clients, seconds);
            served = await MeasureTilesAsync(web, extent);
        }

        // Every lookup a miss: what the first dispatcher to open a building waits for, and every tile cut afresh.
        LookupLoad.Result uncached;
        TileFigures cut;
        await using (var web = await WebProcess.StartAsync(connectionString, manifest, Uncached))
        {
            Console.WriteLine($"BIS.Web is up at {web.Address}, lookup cache and tile seeding off.");
            uncached = await MeasureLookupAsync(web, queries, clients, Math.Min(seconds, UncachedSeconds));
            cut = await MeasureTilesAsync(web, extent);
        }

        foreach (var result in new[] { cached, uncached })
        {
            if (result.Errors > Math.Max(1, result.Pairs.Count / 1000))
            {
                Console.Error.WriteLine($"{result.Errors} lookups failed; first: {result.FirstError}");
                return 1;
            }
        }

        PrintLookupFigures("lookup", cached);
        PrintLookupFigures("lookup_uncached", uncached);
        served.Print("tile");
        cut.Print("tile_uncached");
        return 0;
    }

    private sealed record TileFigures(List<(int Zoom, double P95)> ByZoom, Latencies All)
    {
        public void Print(string name)
        {
            foreach (var (zoom, p95) in ByZoom)
            {
                Figures.Print($"{name}_p95_z{zoom}", p95, "ms");
            }

            Figures.Print($"{name}_p95", All.Percentile(95), "ms");
        }
    }

    private static async Task<TileFigures> MeasureTilesAsync(WebProcess web, TileLoad.Extent extent)
    {
        using var http = Client(web, TileClients);
        var tileLoad = new TileLoad(http);
        await tileLoad.RunAsync(extent, 16, 40, TileClients, seed: 99);
        Console.WriteLine($"Vector tiles: {TilesPerZoom} random tiles per zoom inside the city, {TileClients} clients");
        var figures = new TileFigures([], new Latencies());
        foreach (var zoom in TileZooms)
        {
            var result = await tileLoad.RunAsync(extent, zoom, TilesPerZoom, TileClients, seed: zoom);
            figures.All.AddRange(result.Latencies);
            var p95 = result.Latencies.Percentile(95);
            figures.ByZoom.Add((zoom, p95));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  z{zoom}: p50 {result.Latencies.Percentile(50),6:F1} ms  p95 {p95,6:F1} ms  max {result.Latencies.Percentile(100),6:F1} ms  " +
                $"mean size {result.Bytes / 1024.0 / Math.Max(1, result.Tiles - result.Empty),7:F1} KiB  empty {result.Empty}"));
        }

        return figures;
    }

    private static HttpClient Client(WebProcess web, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = web.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", web.CadApiKey);
        return http;
    }

    private static async Task<LookupLoad.Result> MeasureLookupAsync(WebProcess web, IReadOnlyList<AddressQuery> queries, int clients, int seconds)
    {
        using var http = Client(web, clients);
        var lookup = new LookupLoad(http, queries);
        // Warm: every spelling once (a cache then holds the working set), and a few seconds more for the JIT.
        var firstPass = await lookup.RunEachOnceAsync(clients);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  warm-up: each of the {queries.Count:N0} spellings once, {clients} clients: p50 {firstPass.Pairs.Percentile(50):F1} ms, p99 {firstPass.Pairs.Percentile(99):F1} ms"));
        await lookup.RunAsync(clients, WarmUp);
        var serverCpuBefore = web.ProcessorTime;
        Console.WriteLine($"Search + summary: {clients} clients for {seconds}s, {queries.Count:N0} address spellings ({string.Join(", ", AddressQueries.Variations)})");
        var pairs = await lookup.RunAsync(clients, TimeSpan.FromSeconds(seconds));
        ReportLookup(pairs, web.ProcessorTime - serverCpuBefore);
        return pairs;
    }

    private static void PrintLookupFigures(string name, LookupLoad.Result pairs)
    {
        Figures.Print($"{name}_search_summary_p50", pairs.Pairs.Percentile(50), "ms");
        Figures.Print($"{name}_search_summary_p99", pairs.Pairs.Percentile(99), "ms");
        Figures.Print($"{name}_pairs_per_second", pairs.Pairs.Count / pairs.Elapsed.TotalSeconds, "req/s");
        Figures.Print($"{name}_first_candidate_intended", 100.0 * pairs.IntendedFirst.Sum() / Math.Max(1, pairs.Asked.Sum()), "%");
    }

    private static void ReportLookup(LookupLoad.Result result, TimeSpan serverCpu)
    {
        var count = Math.Max(1, result.Pairs.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Pairs.Count:N0} pairs in {result.Elapsed.TotalSeconds:F1}s: p50 {result.Pairs.Percentile(50):F1} ms, p90 {result.Pairs.Percentile(90):F1} ms, " +
            $"p99 {result.Pairs.Percentile(99):F1} ms, max {result.Pairs.Percentile(100):F1} ms; nothing found {result.NothingFound}, errors {result.Errors}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  BIS.Web CPU: {serverCpu.TotalMilliseconds / count:F2} ms per pair ({serverCpu.TotalSeconds / result.Elapsed.TotalSeconds:F2} cores busy)"));
        for (var i = 0; i < AddressQueries.Variations.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {AddressQueries.Variations[i],-15} intended building first in {100.0 * result.IntendedFirst[i] / Math.Max(1, result.Asked[i]),5:F1}% of {result.Asked[i]:N0}"));
        }
    }
}
