using BIS.Ingest.Database;
using BIS.TestSupport;
using Microsoft.Extensions.Hosting;

namespace BIS.Ingest.Tests.Database;

/// <summary>
/// Nodes started together on a fresh database: each migrates at start (Database:MigrateOnStartup), one
/// after the other under the migrations' advisory lock, so all of them come up and every script is applied once.
/// </summary>
public sealed class ConcurrentMigrationTests : IAsyncLifetime
{
    private const int Nodes = 4;

    private readonly TestDatabase _database = new(migrated: false);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Four_nodes_starting_together_on_a_fresh_database_all_come_up_with_every_migration_applied_once()
    {
        var scripts = typeof(Migrator).Assembly.GetManifestResourceNames().Count(name => name.StartsWith("BIS.Migrations.", StringComparison.Ordinal));
        Assert.True(scripts >= 10, "Enough migrations for the nodes' starts to overlap.");
        var hosts = Enumerable.Range(0, Nodes)
            .Select(_ => IngestHost.Build(_database.ConnectionString, null, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" }))
            .ToList();
        try
        {
            using var together = new Barrier(Nodes);
            // Host starts run their hosted services in turn on the calling thread: one thread per node.
            await Task.WhenAll(hosts.Select(host => Task.Factory.StartNew(
                () =>
                {
                    together.SignalAndWait();
                    host.StartAsync().GetAwaiter().GetResult();
                },
                TaskCreationOptions.LongRunning)));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }

        Assert.Equal((long)scripts, await _database.ScalarAsync<long>("SELECT count(*) FROM schemaversions"));
        Assert.Equal((long)scripts, await _database.ScalarAsync<long>("SELECT count(DISTINCT scriptname) FROM schemaversions"));
        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'hazard_index'"));
    }
}
