using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Database;

/// <summary>Applies the plain-SQL migrations in infra/migrations (embedded) with DbUp, each exactly once.</summary>
public sealed class Migrator(IOptions<DatabaseOptions> options, ILogger<Migrator> logger)
{
    public void Migrate() => Migrate(options.Value.ConnectionString, logger);

    public static void Migrate(string connectionString, ILogger? logger = null)
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

        // New tables and types must be visible to pooled connections that cached the old catalog.
        Npgsql.NpgsqlConnection.ClearAllPools();
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
