using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// A first load fills empty tables with their secondary indexes and foreign keys dropped and built again
/// afterwards (DeferredIndexes). Whatever happens, the schema must come out exactly as the migrations made it.
/// </summary>
public sealed class FirstLoadTests : IAsyncLifetime, IDisposable
{
    /// <summary>Every index and constraint of the schema, as the catalog defines it.</summary>
    private const string SchemaSql =
        """
        SELECT string_agg(d, E'\n' ORDER BY d) FROM (
            SELECT indexdef || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END AS d
            FROM pg_indexes x JOIN pg_index i ON i.indexrelid = (quote_ident(x.schemaname) || '.' || quote_ident(x.indexname))::regclass
            WHERE x.schemaname = 'public'
            UNION ALL
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        ) schema
        """;

    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();
    private IHost _host = null!;

    private FeedRunner Runner => _host.Services.GetRequiredService<FeedRunner>();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = IngestHost.Build(_database.ConnectionString, manifestPath: null, _city.FeedSettings());
    }

    [Fact]
    public async Task A_first_load_leaves_every_index_and_foreign_key_as_the_migrations_made_them()
    {
        var migrated = await _database.ScalarAsync<string>(SchemaSql);
        // Given in the wrong order on purpose: the runner loads assessing first all the same.
        var runs = await Runner.RunTogetherAsync([FeedKind.Violations, FeedKind.Hydrants, FeedKind.Assessing], "test", CancellationToken.None);

        Assert.All(runs, r => Assert.Equal(FeedRunStatus.Succeeded, r.Status));
        Assert.Equal(["assessing", "hydrants", "violations"], runs.Select(r => r.Feed));
        Assert.Equal(migrated, await _database.ScalarAsync<string>(SchemaSql));
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE building_id IS NOT NULL") > 0);
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM hazard_index") > 0);
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM building_address") > 0);
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM building_hydrant") > 0);
    }

    [Fact]
    public async Task A_second_load_keeps_the_indexes_it_found()
    {
        Assert.All(await Runner.RunTogetherAsync([FeedKind.Assessing, FeedKind.Violations], "test", CancellationToken.None),
            r => Assert.Equal(FeedRunStatus.Succeeded, r.Status));
        var loaded = await _database.ScalarAsync<string>(SchemaSql);
        var oids = await IndexOidsAsync("building", "building_address", "feed_record", "hazard_index");

        _city.WriteViolations(MiniCity.ViolationRow("V9", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"));
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);

        Assert.Equal(loaded, await _database.ScalarAsync<string>(SchemaSql));
        // The same index objects: nothing was dropped and made again on tables that had rows.
        Assert.Equal(oids, await IndexOidsAsync("building", "building_address", "feed_record", "hazard_index"));
    }

    [Fact]
    public async Task A_first_load_that_cannot_lock_an_empty_table_at_once_loads_it_the_ordinary_way()
    {
        var migrated = await _database.ScalarAsync<string>(SchemaSql);
        var (feedRecordBefore, buildingBefore) = (await IndexOidsAsync("feed_record"), await IndexOidsAsync("building"));

        // A reader in the middle of a query on feed_record: waiting for it could deadlock with another
        // first load, so the run must not wait to drop that table's indexes, and must not fail either.
        await using var reader = await _database.DataSource.OpenConnectionAsync();
        await using var readTransaction = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("LOCK TABLE feed_record IN ACCESS SHARE MODE", reader, readTransaction))
        {
            await read.ExecuteNonQueryAsync();
        }

        var runs = await Runner.RunTogetherAsync([FeedKind.Assessing, FeedKind.Violations], "test", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await readTransaction.RollbackAsync();

        Assert.All(runs, r => Assert.Equal(FeedRunStatus.Succeeded, r.Status));
        Assert.Equal(migrated, await _database.ScalarAsync<string>(SchemaSql));
        Assert.Equal(feedRecordBefore, await IndexOidsAsync("feed_record"));
        Assert.NotEqual(buildingBefore, await IndexOidsAsync("building"));
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE building_id IS NOT NULL") > 0);
    }

    [Fact]
    public async Task A_first_load_cancelled_after_dropping_indexes_leaves_schema_and_tables_as_they_were()
    {
        var migrated = await _database.ScalarAsync<string>(SchemaSql);
        var empty = await _database.IndexChecksumAsync();
        // The run drops the indexes of building and feed_record, loads both, and then waits here to drop hazard_index's.
        var indexLock = await LockWait.HoldIndexAsync(_database);

        using var cancel = new CancellationTokenSource();
        var run = Runner.RunTogetherAsync([FeedKind.Assessing, FeedKind.Violations], "test", cancel.Token);
        await LockWait.UntilSomeoneWaitsAsync(_database, TimeSpan.FromSeconds(30));
        cancel.Cancel();
        var results = await run;
        await indexLock.DisposeAsync();

        Assert.All(results, r => Assert.Equal(FeedRunStatus.Cancelled, r.Status));
        Assert.Equal(migrated, await _database.ScalarAsync<string>(SchemaSql));
        Assert.Equal(empty, await _database.IndexChecksumAsync());
    }

    /// <summary>The index objects of these tables: the same ids mean nothing was dropped and made again.</summary>
    private Task<string> IndexOidsAsync(params string[] tables) => _database.ScalarAsync<string>(
        "SELECT string_agg(i.indexrelid::text, ',' ORDER BY i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid " +
        $"WHERE c.relname IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})");

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _database.DisposeAsync();
    }

    public void Dispose() => _city.Dispose();
}
