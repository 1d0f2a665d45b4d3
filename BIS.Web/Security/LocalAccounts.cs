using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace BIS.Web.Security;

/// <summary>An account as stored; the password hash never leaves this class.</summary>
public sealed record AppUser(long UserId, string Username, string DisplayName, string Role, string? UnitId);

/// <summary>Local accounts in PostgreSQL, passwords hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>.</summary>
public sealed class LocalAccounts(NpgsqlDataSource dataSource)
{
    private static readonly PasswordHasher<AppUser> Hasher = new();

    /// <summary>The account when the password is right and it is enabled; null otherwise (never says which).</summary>
    public async Task<AppUser?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT user_id, username, display_name, role, unit_id, password_hash FROM app_user WHERE username = @username AND NOT disabled");
        command.Parameters.AddWithValue("username", Normalize(username));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Same work as a real check, so timing does not tell which usernames exist.
            Hasher.VerifyHashedPassword(Placeholder, PlaceholderHash, password);
            return null;
        }

        var user = new AppUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
        return Hasher.VerifyHashedPassword(user, reader.GetString(5), password) == PasswordVerificationResult.Failed ? null : user;
    }

    public async Task CreateAsync(string username, string displayName, string role, string? unitId, string password, CancellationToken cancellationToken)
    {
        var user = new AppUser(0, Normalize(username), displayName, role, unitId);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
            VALUES (@username, @display, @role, @unit, @hash)
            ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                unit_id = excluded.unit_id, password_hash = excluded.password_hash, disabled = false
            """);
        command.Parameters.AddWithValue("username", user.Username);
        command.Parameters.AddWithValue("display", displayName);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("unit", (object?)unitId ?? DBNull.Value);
        command.Parameters.AddWithValue("hash", Hasher.HashPassword(user, password));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static ClaimsPrincipal PrincipalOf(AppUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Username),
            new("name", user.DisplayName),
            new(ClaimTypes.Role, user.Role),
        };
        if (user.UnitId is { } unit)
        {
            claims.Add(new Claim(BisRoles.UnitClaim, unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static string Normalize(string username) => username.Trim().ToLowerInvariant();

    private static readonly AppUser Placeholder = new(0, "-", "-", BisRoles.Dispatcher, null);
    private static readonly string PlaceholderHash = Hasher.HashPassword(Placeholder, Guid.NewGuid().ToString());
}
