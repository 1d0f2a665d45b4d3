using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Database;

/// <summary>
/// Applies the plain-SQL migrations in infra/migrations (embedded) with DbUp, each exactly once, as the
/// schema owner, under a PostgreSQL advisory lock: nodes started together migrate one after the other, and the
/// later ones find nothing left to do instead of failing on tables the first one just created. Then grants the
/// runtime role its privileges when it is another role.
/// </summary>
public sealed class Migrator(IOptions<DatabaseOptions> options, ILogger<Migrator> logger)
{
    public void Migrate()
    {
        var database = options.Value;
        var separateOwner = !string.IsNullOrWhiteSpace(database.OwnerConnectionString);
        Migrate(database.OwnerOrRuntimeConnectionString, logger, separateOwner ? RuntimeRoleGrants.RoleOf(database.ConnectionString) : null);
    }

    /// <summary>"BISM" in the high bytes: apart from the feed ("BIS\0") and index ("BISI") locks.</summary>
    public const long LockKey = 0x4249_534D_0000_0000;

    /// <param name="connectionString">The schema owner's connection string.</param>
    /// <param name="logger">Where DbUp reports each script.</param>
    /// <param name="runtimeRole">The app's runtime role, granted its privileges afterwards; none when one role does everything.</param>
    public static void Migrate(string connectionString, ILogger? logger = null, string? runtimeRole = null)
    {
        // A session lock on a connection of its own, outside DbUp's per-script transactions. Unpooled, so
        // the lock cannot outlive this call in a pool; a process killed while holding it loses it with its session.
        using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = "bis-migrations",
        }.ConnectionString);
        lockConnection.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection) { CommandTimeout = 0 })
        {
            // Waits as long as another node's migrations take (an index build on a big table can take minutes).
            take.Parameters.AddWithValue("key", LockKey);
            take.ExecuteNonQuery();
        }

        try
        {
            Upgrade(connectionString, logger, runtimeRole);
        }
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", LockKey);
            release.ExecuteNonQuery();
        }
    }

    private static void Upgrade(string connectionString, ILogger? logger, string? runtimeRole)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("BIS.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(logger is null ? new NoOpUpgradeLog() : new LoggerUpgradeLog(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed in {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }

        if (runtimeRole is not null)
        {
            RuntimeRoleGrants.Apply(connectionString, runtimeRole, logger);
        }

        // New tables and types must be visible to pooled connections that cached the old catalog.
        NpgsqlConnection.ClearAllPools();
    }

    private sealed class LoggerUpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
