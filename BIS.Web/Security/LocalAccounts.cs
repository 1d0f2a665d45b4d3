using System.Globalization;
using System.Security.Claims;
using BIS.Web.Security.SignIn;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace BIS.Web.Security;

/// <summary>An account as stored; the password hash never leaves this class.</summary>
public sealed record AppUser(long UserId, string Username, string DisplayName, string Role, string? UnitId);

/// <summary>
/// Local accounts in PostgreSQL, passwords hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2). Every way of setting a password goes through <see cref="PasswordPolicy"/>.
/// </summary>
public sealed class LocalAccounts
{
    /// <summary>Claim holding the app_user id: what marks a principal as a local account, re-checked while it is in use.</summary>
    public const string AccountClaim = "bis:account";

    private readonly NpgsqlDataSource _dataSource;
    private readonly IPasswordHasher<AppUser> _hasher;
    private readonly AppUser _placeholder = new(0, "-", "-", BisRoles.Dispatcher, null);
    private readonly string _placeholderHash;

    public LocalAccounts(NpgsqlDataSource dataSource, IPasswordHasher<AppUser> hasher)
    {
        _dataSource = dataSource;
        _hasher = hasher;
        _placeholderHash = hasher.HashPassword(_placeholder, Guid.NewGuid().ToString());
    }

    /// <summary>The account when the password is right and it is enabled; null otherwise (never says which).</summary>
    public async Task<AppUser?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT user_id, username, display_name, role, unit_id, password_hash FROM app_user WHERE username = @username AND NOT disabled");
        command.Parameters.AddWithValue("username", Normalize(username));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Same work as a real check, so timing does not tell which usernames exist.
            _hasher.VerifyHashedPassword(_placeholder, _placeholderHash, password);
            return null;
        }

        var user = UserOf(reader);
        return _hasher.VerifyHashedPassword(user, reader.GetString(5), password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>The account as it is now, or null when it was disabled or removed.</summary>
    public async Task<AppUser?> FindEnabledAsync(long userId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT user_id, username, display_name, role, unit_id FROM app_user WHERE user_id = @id AND NOT disabled");
        command.Parameters.AddWithValue("id", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? UserOf(reader) : null;
    }

    /// <summary>Creates the account, or sets an existing one's name, role, unit and password. A disabled one stays disabled.</summary>
    public async Task CreateAsync(string username, string displayName, string role, string? unitId, string password, CancellationToken cancellationToken)
    {
        await using var command = InsertCommand(username, displayName, role, unitId, password,
            """
            ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                unit_id = excluded.unit_id, password_hash = excluded.password_hash
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates the account unless one of that name exists (which is left exactly as it is); true when created.</summary>
    public async Task<bool> AddIfMissingAsync(string username, string displayName, string role, string? unitId, string password, CancellationToken cancellationToken)
    {
        await using var command = InsertCommand(username, displayName, role, unitId, password, "ON CONFLICT (username) DO NOTHING");
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Sets the password of an existing account (nothing else); false when there is no such account.</summary>
    public async Task<bool> SetPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        var name = Normalize(username);
        PasswordPolicy.Enforce(password, name);
        await using var command = _dataSource.CreateCommand("UPDATE app_user SET password_hash = @hash WHERE username = @username");
        command.Parameters.AddWithValue("username", name);
        command.Parameters.AddWithValue("hash", _hasher.HashPassword(new AppUser(0, name, name, BisRoles.Dispatcher, null), password));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static ClaimsPrincipal PrincipalOf(AppUser user, string scheme)
    {
        var id = user.UserId.ToString(CultureInfo.InvariantCulture);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(AccountClaim, id),
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

    /// <summary>The form of a user name that is stored and compared (and locked out).</summary>
    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    private NpgsqlCommand InsertCommand(string username, string displayName, string role, string? unitId, string password, string onConflict)
    {
        var user = new AppUser(0, Normalize(username), displayName, role, unitId);
        PasswordPolicy.Enforce(password, user.Username);
        var command = _dataSource.CreateCommand(
            $"""
            INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
            VALUES (@username, @display, @role, @unit, @hash)
            {onConflict}
            """);
        command.Parameters.AddWithValue("username", user.Username);
        command.Parameters.AddWithValue("display", displayName);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("unit", (object?)unitId ?? DBNull.Value);
        command.Parameters.AddWithValue("hash", _hasher.HashPassword(user, password));
        return command;
    }

    private static AppUser UserOf(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
}
