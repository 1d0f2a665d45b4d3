using System.Diagnostics;
using System.Globalization;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.Ingest.SampleCity;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Benchmarks.Ingest;

/// <summary>
/// Full rebuild of a synthetic city (all seven feeds) and a 1% incremental refresh, on the real
/// local PostgreSQL, through exactly the production pipeline. Also COPY alone, to show where time goes.
/// </summary>
public static class IngestBenchmark
{
    public static async Task RunAsync(int buildings)
    {
        var directory = Path.Combine(RepoPaths.Root, "var", "bench", $"synthetic-{buildings}");
        var set = Generate(directory, buildings);

        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            using var host = IngestHost.Build(database.ConnectionString, set.ManifestPath, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:BIS.Ingest.HazardIndex"] = Environment.GetEnvironmentVariable("BIS_BENCH_DETAIL") is null ? "Warning" : "Debug" });
            var runner = host.Services.GetRequiredService<FeedRunner>();
            var readers = host.Services.GetServices<IFeedReader>().ToDictionary(r => r.Feed);

            var copy = await MeasureCopyAsync(database, set, readers);

            Console.WriteLine($"Full rebuild of {buildings:N0} buildings ({set.TotalRows:N0} source rows):");
            long rowsRead = 0;
            var total = Stopwatch.StartNew();
            foreach (var result in await runner.RunTogetherAsync(FeedLoadOrder.All, "bench", CancellationToken.None))
            {
                Report(result);
                EnsureLoaded(result);
                rowsRead += result.RowsRead;
            }

            total.Stop();

            Console.WriteLine("Incremental refresh (1% of violations changed):");
            var mutated = SyntheticCityGenerator.Mutate(set, FeedKind.Violations.Slug(), 0.01, seed: 7);
            mutated.SaveManifest();
            var incremental = await runner.RunAsync(FeedKind.Violations, "bench", CancellationToken.None);
            Report(incremental);
            EnsureLoaded(incremental);

            // Source rows are every row of every input file: CSV records, JSON items and GeoJSON
            // features (parcels and footprints are rows of the assessing feed too).
            Figures.Print("full_rebuild_seconds", total.Elapsed.TotalSeconds, "s");
            Figures.Print("end_to_end_rows_per_s", set.TotalRows / total.Elapsed.TotalSeconds, "rows/s");
            Figures.Print("copy_only_rows_per_s", copy, "rows/s");
            Figures.Print("incremental_1pct_seconds", incremental.Elapsed.TotalSeconds, "s");
            Figures.Print("source_rows", set.TotalRows, "rows");
            Figures.Print("staged_records", rowsRead, "rows");
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static FeedFileSet Generate(string directory, int buildings)
    {
        // A city is regenerated each time: the incremental step rewrites one of its files.
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        var set = SyntheticCityGenerator.Generate(directory, buildings, seed: 1);
        set.SaveManifest();
        Console.WriteLine($"Generated {set.TotalRows:N0} rows for {buildings:N0} buildings in {watch.Elapsed.TotalSeconds:F1}s into {directory}");
        return set;
    }

    /// <summary>Binary COPY throughput alone: rows already parsed in memory, streamed into the stage table.</summary>
    private static async Task<double> MeasureCopyAsync(TestDatabase database, FeedFileSet set, IReadOnlyDictionary<FeedKind, IFeedReader> readers)
    {
        long rows = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var feed in FeedLoadOrder.All)
        {
            var input = set[feed.Slug()].ToFeedInput();
            var items = readers[feed].Read(input, CancellationToken.None).ToList();
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var watch = Stopwatch.StartNew();
            var counts = StagingTable.Fill(connection, items, [], CancellationToken.None);
            elapsed += watch.Elapsed;
            rows += counts.Accepted;
            await transaction.RollbackAsync();
        }

        return rows / elapsed.TotalSeconds;
    }

    internal static void EnsureLoaded(FeedRunResult result)
    {
        if (result.Status is not (FeedRunStatus.Succeeded or FeedRunStatus.Unchanged))
        {
            throw new InvalidOperationException($"Feed {result.Feed} ended {result.Status}: {result.Message}");
        }
    }

    internal static void Report(FeedRunResult r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {r.Feed,-17} {r.Status.ToDb(),-9} read {r.RowsRead,9:N0} accepted {r.RowsAccepted,9:N0} rejected {r.RowsRejected,7:N0} " +
        $"matched {r.RowsMatched,9:N0} unmatched {r.RowsUnmatched,7:N0} buildings {r.BuildingsChanged,7:N0} {r.Elapsed.TotalSeconds,7:F2}s  [{r.DescribePhases()}]"));
}
