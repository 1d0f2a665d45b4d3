using System.Diagnostics;
using System.Globalization;
using BIS.Benchmarks.Ingest;
using BIS.Ingest.Database;
using BIS.Ingest.Pipeline;
using BIS.Ingest.SampleCity;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Benchmarks.Lookup;

/// <summary>
/// The database the lookup benchmark reads: <c>bis_bench_lookup</c>, used by nothing else. Loading a
/// 200,000-building city takes minutes, so a database that is already loaded is kept. "Loaded" is
/// recorded only after every feed succeeded, as the database's comment naming the building count
/// asked for and the count loaded; a database without that exact comment, or whose building count
/// no longer matches it, is dropped and loaded again.
/// </summary>
public static class LookupCityDatabase
{
    public const string Name = "bis_bench_lookup";
    private const int Seed = 1;

    public static string ConnectionString => new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString)
    {
        Database = Name,
        MaxPoolSize = 100,
    }.ConnectionString;

    /// <summary>Where the city's feed files are generated; BIS.Web reads the manifest for source names and SLAs.</summary>
    public static string CityDirectory(int buildings) => Path.Combine(RepoPaths.Root, "var", "bench", $"lookup-{buildings}");

    public static async Task EnsureLoadedAsync(int buildings)
    {
        var marker = await ReadMarkerAsync();
        if (marker is { } m && m.Requested == buildings && await CountBuildingsAsync() == m.Loaded)
        {
            // Migrations added since the load still apply; they are idempotent.
            Migrator.Migrate(ConnectionString);
            Console.WriteLine($"Reusing {Name}: synthetic city of {buildings:N0} buildings (seed {Seed}), {m.Loaded:N0} loaded, all feeds succeeded.");
            return;
        }

        Console.WriteLine(marker is null
            ? $"{Name} is missing or was not fully loaded: loading a synthetic city of {buildings:N0} buildings."
            : $"{Name} holds a city of {marker.Value.Requested:N0} buildings, not {buildings:N0}: loading again.");
        await RecreateAsync();
        Migrator.Migrate(ConnectionString);
        var loaded = await LoadAsync(buildings);
        await ExecuteAsync(ConnectionString, "VACUUM ANALYZE");
        await ExecuteAsync(TestDatabase.AdminConnectionString, $"COMMENT ON DATABASE {Name} IS '{MarkerText(buildings, loaded)}'");
    }

    private static async Task<long> LoadAsync(int buildings)
    {
        var directory = CityDirectory(buildings);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        var set = SyntheticCityGenerator.Generate(directory, buildings, Seed);
        set.SaveManifest();
        Console.WriteLine($"Generated {set.TotalRows:N0} rows for {buildings:N0} buildings in {watch.Elapsed.TotalSeconds:F1}s into {directory}");

        using var host = IngestHost.Build(ConnectionString, set.ManifestPath, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        var runner = host.Services.GetRequiredService<FeedRunner>();
        foreach (var result in await runner.RunTogetherAsync(FeedLoadOrder.All, "bench", CancellationToken.None))
        {
            IngestBenchmark.Report(result);
            IngestBenchmark.EnsureLoaded(result);
        }

        return await CountBuildingsAsync();
    }

    private static async Task RecreateAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // An autovacuum worker busy after a big load may hold the database for a moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(TestDatabase.AdminConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
                break;
            }
            catch (PostgresException ex) when (attempt < 6 && ex.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(500 * attempt);
            }
        }

        await ExecuteAsync(TestDatabase.AdminConnectionString, $"CREATE DATABASE {Name} TEMPLATE template1");
    }

    private static string MarkerText(int requested, long loaded) =>
        string.Create(CultureInfo.InvariantCulture, $"bis lookup benchmark city: synthetic seed {Seed}, requested {requested}, loaded {loaded}");

    private static async Task<(int Requested, long Loaded)?> ReadMarkerAsync()
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", Name);
        if (await command.ExecuteScalarAsync() is not string comment)
        {
            return null;
        }

        var prefix = string.Create(CultureInfo.InvariantCulture, $"bis lookup benchmark city: synthetic seed {Seed}, requested ");
        var parts = comment.StartsWith(prefix, StringComparison.Ordinal) ? comment[prefix.Length..].Split(", loaded ") : [];
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requested)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var loaded)
            ? (requested, loaded)
            : null;
    }

    private static async Task<long> CountBuildingsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM building", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
