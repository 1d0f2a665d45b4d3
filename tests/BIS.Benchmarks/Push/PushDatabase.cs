using BIS.Domain.Feeds;
using BIS.Ingest.Database;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Benchmarks.Push;

/// <summary>
/// A throw-away database for one push benchmark run, <c>bis_bench_push</c>: migrated, loaded with the mini
/// city (the message body carries a real building summary; the city's size does not matter here), dropped
/// again at the end.
/// </summary>
public sealed class PushDatabase : IAsyncDisposable
{
    public const string Name = "bis_bench_push";

    private readonly MiniCity _city = new();

    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString)
    {
        Database = Name,
        MaxPoolSize = 100,
    }.ConnectionString;

    public static async Task<PushDatabase> CreateAsync()
    {
        var database = new PushDatabase();
        await ExecuteAsync(TestDatabase.AdminConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        await ExecuteAsync(TestDatabase.AdminConnectionString, $"CREATE DATABASE {Name} TEMPLATE template1");
        Migrator.Migrate(database.ConnectionString);
        using var host = IngestHost.Build(database.ConnectionString, null, database._city.FeedSettings());
        var runner = host.Services.GetRequiredService<FeedRunner>();
        await runner.RunAsync(FeedKind.Assessing, "bench", CancellationToken.None);
        await runner.RunAsync(FeedKind.Hydrants, "bench", CancellationToken.None);
        await runner.RunAsync(FeedKind.Violations, "bench", CancellationToken.None);
        return database;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(TestDatabase.AdminConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        _city.Dispose();
    }
}
