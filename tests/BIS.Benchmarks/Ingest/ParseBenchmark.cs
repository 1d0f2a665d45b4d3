using System.Diagnostics;
using System.Globalization;
using BIS.Domain.Feeds;
using BIS.Ingest.Pipeline;
using BIS.Ingest.SampleCity;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Benchmarks.Ingest;

/// <summary>
/// The readers alone: every feed of a synthetic city parsed, validated and mapped into staged records in
/// memory, with no database. Shows how much of a full rebuild is the client's parsing, and gives a
/// profiler (dotnet-trace) a run with nothing else in it.
/// </summary>
public static class ParseBenchmark
{
    public static void Run(int buildings)
    {
        var directory = Path.Combine(RepoPaths.Root, "var", "bench", $"parse-{buildings}");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var set = SyntheticCityGenerator.Generate(directory, buildings, seed: 1);
        set.SaveManifest();
        // The readers need no database; the host only wires them up.
        using var host = IngestHost.Build("Host=127.0.0.1;Database=unused", set.ManifestPath, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        var readers = host.Services.GetServices<IFeedReader>().ToDictionary(r => r.Feed);

        Console.WriteLine($"Parsing {buildings:N0} buildings ({set.TotalRows:N0} source rows):");
        var total = TimeSpan.Zero;
        foreach (var feed in FeedLoadOrder.All)
        {
            var (pausedBefore, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
            var watch = Stopwatch.StartNew();
            var items = readers[feed].Read(set[feed.Slug()].ToFeedInput(), CancellationToken.None).ToList();
            watch.Stop();
            total += watch.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {feed.Slug(),-17} {items.Count,9:N0} items {watch.Elapsed.TotalSeconds,6:F2}s  (GC paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F2}s, {GC.CollectionCount(2) - gen2Before} full collections)"));
        }

        Figures.Print("parse_seconds", total.TotalSeconds, "s");
        Figures.Print("parse_rows_per_s", set.TotalRows / total.TotalSeconds, "rows/s");
    }
}
