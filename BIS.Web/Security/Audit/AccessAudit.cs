using System.Security.Claims;
using Npgsql;
using NpgsqlTypes;

namespace BIS.Web.Security.Audit;

/// <summary>The audit log's access rows, beside the hazard views of <see cref="HazardAudit"/>.</summary>
public static class AccessActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    /// <summary>The failure that locked the user name.</summary>
    public const string Lockout = "sign-in-lockout";
    /// <summary>An attempt while the name is locked: refused without checking the password.</summary>
    public const string SignInWhileLocked = "sign-in-locked";
    public const string SignOut = "sign-out";
    /// <summary>A signed-in user or CAD key answered 403.</summary>
    public const string Forbidden = "forbidden";
}

/// <summary>
/// Writes who signed in, failed to, was locked out, signed out or was refused a page, from which address
/// and user agent. One row per event, written before the answer goes out: these are rare next to
/// hazard views, and the rate limits in front of sign-in bound how many a flood can cause.
/// </summary>
public sealed class AccessAudit(NpgsqlDataSource dataSource)
{
    /// <summary>The longest user name stored for a failed attempt (what was typed, not an account).</summary>
    private const int MaxActor = 64;

    public Task RecordAsync(string action, ClaimsPrincipal user, ClientOrigin origin, string? detail, CancellationToken cancellationToken) =>
        RecordAsync(action, user.Identity?.Name ?? "unknown", RolesOf(user), origin, detail, cancellationToken);

    public async Task RecordAsync(string action, string actor, string roles, ClientOrigin origin, string? detail, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        Bind(command, action, actor, roles, origin, detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The same row, written on <paramref name="connection"/> inside its open transaction: an action that changes
    /// something (a steward pausing a feed) is recorded if and only if the change commits.
    /// </summary>
    public static async Task RecordAsync(
        NpgsqlConnection connection, string action, ClaimsPrincipal user, ClientOrigin origin, string? detail, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection);
        Bind(command, action, user.Identity?.Name ?? "unknown", RolesOf(user), origin, detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string InsertSql = """
        INSERT INTO audit_log (actor, actor_role, action, detail, client_address, user_agent)
        VALUES (@actor, @roles, @action, @detail, @address, @agent)
        """;

    private static void Bind(NpgsqlCommand command, string action, string actor, string roles, ClientOrigin origin, string? detail)
    {
        command.Parameters.AddWithValue("actor", actor.Length > MaxActor ? actor[..MaxActor] : actor);
        command.Parameters.AddWithValue("roles", roles);
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        command.Parameters.Add(new NpgsqlParameter("address", NpgsqlDbType.Inet) { Value = (object?)origin.Address ?? DBNull.Value });
        command.Parameters.AddWithValue("agent", (object?)origin.UserAgent ?? DBNull.Value);
    }

    public static string RolesOf(ClaimsPrincipal user) => string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value));
}
