using Npgsql;

namespace BIS.Web.Security;

/// <summary>
/// Says at start whether the role that serves requests (Database:ConnectionString) can rewrite the audit
/// log, asking the database rather than trusting the configuration: one role for everything (no
/// Database:OwnerConnectionString), a runtime role that owns the table or is a superuser, or grants
/// changed by hand all show up the same. Never stops the host: a database not reachable yet is only noted.
/// </summary>
public sealed class AuditLogProtectionCheck(NpgsqlDataSource dataSource, ILogger<AuditLogProtectionCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (role, appendOnly) = await ReadAsync(dataSource, stoppingToken);
            if (appendOnly)
            {
                logger.LogInformation("audit_log is append-only for the runtime role {Role}", role);
            }
            else
            {
                logger.LogWarning(
                    "THE AUDIT LOG IS NOT PROTECTED: the role {Role} that serves requests may update or delete audit_log rows. " +
                    "Give Database:ConnectionString the runtime role (bis_app) and Database:OwnerConnectionString the schema owner (README, \"Database roles and keys\").",
                    role);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not check whether audit_log is append-only for the runtime role");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The role a data source signs in as, and whether it may only read and add to audit_log.</summary>
    public static async Task<(string Role, bool AppendOnly)> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT current_user::text,
                   NOT (has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE')
                        OR has_table_privilege('audit_log', 'TRUNCATE')
                        OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'USAGE'))
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetBoolean(1));
    }
}
