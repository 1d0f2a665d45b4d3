using BIS.Ingest.Database;
using Npgsql;
using Xunit;

namespace BIS.TestSupport;

/// <summary>
/// A fresh, migrated database on the real local PostgreSQL server (started by infra/bis), private to
/// one test class and dropped afterwards. PostGIS and pg_trgm come from template1.
/// </summary>
/// <param name="adminConnectionString">Another server (a <see cref="PrivateCluster"/>); the shared test server when null.</param>
/// <param name="migrated">False: an empty database, for tests of the migrations themselves.</param>
public sealed class TestDatabase(string? adminConnectionString = null, bool migrated = true) : IAsyncLifetime
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("BIS_TEST_ADMIN_CONNECTION")
        ?? "Host=127.0.0.1;Port=5433;Database=postgres;Username=bis;Password=bis";

    private readonly string _admin = adminConnectionString ?? AdminConnectionString;

    /// <summary>
    /// The app's runtime role on the test server (created by infra/postgres/provision.sh): it owns nothing
    /// and is granted by the migrations what BIS.Web needs, the audit log only SELECT and INSERT.
    /// </summary>
    public static string RuntimeLoginConnectionString =>
        Environment.GetEnvironmentVariable("BIS_TEST_RUNTIME_CONNECTION")
        ?? "Host=127.0.0.1;Port=5433;Database=postgres;Username=bis_app;Password=bis";

    /// <summary>The runtime role's name (bis_app unless BIS_TEST_RUNTIME_CONNECTION says otherwise).</summary>
    public static string RuntimeRole => RuntimeRoleGrants.RoleOf(RuntimeLoginConnectionString);

    public string Name { get; } = "bis_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The schema owner (the admin login, which creates the database): migrations, feed loads, test set-up and checks.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_admin) { Database = Name, MaxPoolSize = 40 }.ConnectionString;

    /// <summary>A private cluster has no runtime role: it runs as one role, like a single-role install.</summary>
    private bool OnSharedServer => adminConnectionString is null;

    /// <summary>The runtime role, as BIS.Web's request paths connect in production.</summary>
    public string RuntimeConnectionString => OnSharedServer
        ? new NpgsqlConnectionStringBuilder(RuntimeLoginConnectionString) { Database = Name, MaxPoolSize = 40 }.ConnectionString
        : ConnectionString;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_admin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\" TEMPLATE template1", admin);
            await create.ExecuteNonQueryAsync();
        }

        if (migrated)
        {
            Migrator.Migrate(ConnectionString, runtimeRole: OnSharedServer ? RuntimeRole : null);
        }

        DataSource = BisDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
        // A plain DROP makes autovacuum workers leave (after a big load one is often busy there);
        // FORCE ends our own stray sessions but may not signal autovacuum as a non-superuser.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var force = attempt % 2 == 0 ? " WITH (FORCE)" : string.Empty;
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\"{force}", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (attempt < 6 && ex.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(500 * attempt);
            }
        }
    }

    /// <summary>Moves the feed's good runs back in time, as if its last good load were <paramref name="hoursAgo"/> old (staleness, alarms).</summary>
    public async Task SetLastSuccessAsync(string feed, int hoursAgo)
    {
        await using var command = DataSource.CreateCommand(
            "UPDATE feed_run SET finished_at = now() - make_interval(hours => @hours) WHERE feed = @feed AND status IN ('succeeded', 'unchanged')");
        command.Parameters.AddWithValue("hours", hoursAgo);
        command.Parameters.AddWithValue("feed", feed);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// A fingerprint of everything a feed run may change, to prove a refused, cancelled or killed run
    /// left the index exactly as it was.
    /// </summary>
    public Task<string> IndexChecksumAsync() => ScalarAsync<string>(
        """
        SELECT md5(concat_ws('|',
            (SELECT md5(coalesce(string_agg(b::text, ',' ORDER BY b.building_id), '')) FROM building b),
            (SELECT md5(coalesce(string_agg(a::text, ',' ORDER BY a.building_id, a.address_key), '')) FROM building_address a),
            (SELECT md5(coalesce(string_agg(f::text, ',' ORDER BY f.feed, f.record_id), '')) FROM feed_record f),
            (SELECT md5(coalesce(string_agg(h::text, ',' ORDER BY h.hydrant_id), '')) FROM hydrant h),
            (SELECT md5(coalesce(string_agg(i::text, ',' ORDER BY i.building_id), '')) FROM hazard_index i)))
        """);
}
