using BIS.Domain.Feeds;
using BIS.Ingest.Database;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Ingest.Tests.Database;

/// <summary>
/// Two roles: the schema owner migrates and loads feeds; the runtime role (what serves requests) has
/// what the app uses and, on the audit log, only SELECT and INSERT.
/// </summary>
public sealed class DatabaseRolesTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();
    private NpgsqlDataSource _runtime = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _runtime = BisDataSource.Create(_database.RuntimeConnectionString);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'someone else'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("UPDATE data_protection_key SET xml = '<key/>'")]
    [InlineData("DELETE FROM data_protection_key")]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER ALL")]
    [InlineData("DROP TABLE audit_log")]
    [InlineData("ALTER TABLE audit_log OWNER TO CURRENT_USER")]
    [InlineData("DROP INDEX building_location_gix")]
    [InlineData("DELETE FROM schemaversions")]
    public async Task The_runtime_role_is_refused_anything_that_rewrites_the_audit_log_or_the_schema(string sql)
    {
        await ExecuteAsync(_runtime, "INSERT INTO audit_log (actor, actor_role, action, building_id) VALUES ('dispatcher', 'dispatcher', 'view-hazards', 1)");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_runtime, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor = 'dispatcher'"));
    }

    [Fact]
    public async Task The_runtime_role_adds_to_and_reads_the_audit_log_and_writes_the_data_tables()
    {
        await ExecuteAsync(_runtime, "INSERT INTO audit_log (actor, actor_role, action) VALUES ('steward', 'steward', 'run-feed')");
        await ExecuteAsync(_runtime, "INSERT INTO data_protection_key (friendly_name, xml) VALUES ('key-1', '<key/>')");
        await ExecuteAsync(_runtime, "INSERT INTO unit (unit_id, name, kind, station) VALUES ('E9', 'Engine 9', 'engine', 'Station 9')");
        await ExecuteAsync(_runtime, "UPDATE unit SET name = 'Engine Nine' WHERE unit_id = 'E9'");
        await ExecuteAsync(_runtime, "DELETE FROM unit WHERE unit_id = 'E9'");
        // Temp tables and advisory locks, as a session of the app may use them.
        await ExecuteAsync(_runtime, "CREATE TEMP TABLE scratch (id bigint); INSERT INTO scratch VALUES (1); SELECT pg_advisory_lock(42), pg_advisory_unlock(42)");

        await using var count = _runtime.CreateCommand("SELECT count(*) FROM audit_log");
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_table_the_owner_creates_after_the_migrations_is_open_to_the_runtime_role_too()
    {
        // As Quartz's job store creates its qrtz_* tables when the clustered scheduler first starts.
        await ExecuteAsync(_database.DataSource, "CREATE TABLE later_table (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)");

        await ExecuteAsync(_runtime, "INSERT INTO later_table (note) VALUES ('written by the runtime role')");

        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM later_table"));
    }

    [Fact]
    public async Task Feeds_load_as_the_owner_while_the_runtime_role_serves_so_a_first_load_may_rebuild_indexes()
    {
        using var host = IngestHost.Build(_database.RuntimeConnectionString, manifestPath: null, new Dictionary<string, string?>(_city.FeedSettings())
        {
            ["Database:OwnerConnectionString"] = _database.ConnectionString,
        });
        var runner = host.Services.GetRequiredService<FeedRunner>();

        // Into empty tables: the indexes and foreign keys are dropped and built again (DeferredIndexes),
        // which the runtime role may not do (see the DROP INDEX case above).
        var runs = await runner.RunTogetherAsync([FeedKind.Assessing, FeedKind.Violations], "test", CancellationToken.None);

        Assert.All(runs, run => Assert.Equal(FeedRunStatus.Succeeded, run.Status));
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM hazard_index") > 0);
        await using var served = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.Equal(TestDatabase.RuntimeRole, served.UserName);
    }

    [Fact]
    public async Task Migrating_again_as_the_owner_keeps_the_runtime_roles_privileges_as_they_were()
    {
        var privileges =
            $"""
            SELECT string_agg(table_name || ':' || privilege_type, ',' ORDER BY table_name, privilege_type)
            FROM information_schema.role_table_grants WHERE grantee = '{TestDatabase.RuntimeRole}'
            """;
        var before = await _database.ScalarAsync<string>(privileges);

        Migrator.Migrate(_database.ConnectionString, runtimeRole: TestDatabase.RuntimeRole);

        Assert.Equal(before, await _database.ScalarAsync<string>(privileges));
        Assert.Contains("audit_log:INSERT,audit_log:SELECT,building", before, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        await _database.DisposeAsync();
    }

    public void Dispose() => _city.Dispose();
}
