using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BIS.Ingest.Database;

/// <summary>
/// Gives the app's runtime role what it needs on the schema, and no more (infra/migrations/grants/runtime_role.sql):
/// run by the owner after every migration pass, so it covers every table whatever migration made it.
/// </summary>
public static class RuntimeRoleGrants
{
    private static readonly Lazy<string> Sql = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BIS.Grants.runtime_role.sql")
            ?? throw new InvalidOperationException("The runtime role's grants are not embedded in BIS.Ingest.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Grants <paramref name="runtimeRole"/> its privileges, connected as the owner.</summary>
    public static void Apply(string ownerConnectionString, string runtimeRole, ILogger? logger = null)
    {
        using var connection = new NpgsqlConnection(ownerConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var role = new NpgsqlCommand("SELECT set_config('bis.runtime_role', @role, true)", connection, transaction))
        {
            role.Parameters.AddWithValue("role", runtimeRole);
            role.ExecuteNonQuery();
        }

        using (var grant = new NpgsqlCommand(Sql.Value, connection, transaction))
        {
            grant.ExecuteNonQuery();
        }

        transaction.Commit();
        logger?.LogInformation("Runtime role {Role} granted its privileges (audit_log: SELECT and INSERT only)", runtimeRole);
    }

    /// <summary>
    /// The role Database:ConnectionString signs in as: its User Id, or, when it names none (Npgsql then
    /// uses the operating-system user), whoever the server says it is.
    /// </summary>
    public static string RoleOf(string connectionString)
    {
        var user = new NpgsqlConnectionStringBuilder(connectionString).Username;
        if (!string.IsNullOrEmpty(user))
        {
            return user;
        }

        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT current_user", connection);
        return (string)command.ExecuteScalar()!;
    }
}
