using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Units;

public sealed record PairingCode(string Code, string UnitId, DateTimeOffset ExpiresAt);

public sealed record PairedDevice(long DeviceId, string UnitId, string Token);

public sealed record UnitDevice(
    long DeviceId, string UnitId, string Name, DateTimeOffset PairedAt, string PairedBy,
    DateTimeOffset? LastSeenAt, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>A device token that is paired and not revoked: whom it speaks for.</summary>
public sealed record DeviceIdentity(long DeviceId, string UnitId, string DeviceName);

/// <summary>Input a pairing or a revocation cannot use: said plainly (400), never a 500.</summary>
public sealed class UnitRequestException(string message) : Exception(message);

/// <summary>
/// Tablets bound to a unit. An admin issues a short one-time code for a unit; the crew types it on the
/// tablet, which gets a long random token in exchange. Codes and tokens are stored only as SHA-256: a
/// database dump pairs nothing. A revocation is announced on <see cref="RevokedChannel"/> so every web
/// node cuts the device's live connections, not only the node that took the request.
/// </summary>
public sealed class DeviceRegistry(NpgsqlDataSource dataSource, IOptions<PushOptions> options)
{
    public const string RevokedChannel = "bis_device_revoked";
    public const int CodeLength = 8;
    public const int MaxNameLength = 100;

    /// <summary>No 0/O, 1/I/L: read off one screen and typed on another with gloves on.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A device is marked seen at most this often, so a reconnecting fleet does not write a row per connect.</summary>
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(1);

    public async Task<PairingCode> IssueCodeAsync(string unitId, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        unitId = (unitId ?? "").Trim().ToUpperInvariant();
        var code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO unit_pairing_code (code_sha256, unit_id, issued_by, expires_at)
            SELECT @code, unit_id, @by, now() + make_interval(mins => @minutes) FROM unit WHERE unit_id = @unit
            RETURNING expires_at
            """);
        command.Parameters.AddWithValue("code", Hash(code));
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("by", Actor(by));
        command.Parameters.AddWithValue("minutes", options.Value.PairingCodeMinutes);
        var expires = await command.ExecuteScalarAsync(cancellationToken) as DateTime?
            ?? throw new UnitRequestException($"No unit '{Shorten(unitId)}'.");
        return new PairingCode(code, unitId, new DateTimeOffset(expires, TimeSpan.Zero));
    }

    /// <summary>Exchanges a code for a device token: null when the code is wrong, expired or used (the caller cannot tell which).</summary>
    public async Task<PairedDevice?> PairAsync(string code, string? deviceName, CancellationToken cancellationToken)
    {
        var normalized = NormalizeCode(code);
        if (normalized is null)
        {
            return null;
        }

        var name = (deviceName ?? "").Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
        if (name.Length > MaxNameLength)
        {
            throw new UnitRequestException($"A device name is limited to {MaxNameLength} characters.");
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        // One statement: two tablets typing the same code at once cannot both win it.
        await using var command = dataSource.CreateCommand(
            """
            WITH used AS (
                UPDATE unit_pairing_code SET used_at = now()
                WHERE code_sha256 = @code AND used_at IS NULL AND expires_at > now()
                RETURNING unit_id, issued_by)
            INSERT INTO unit_device (unit_id, name, token_sha256, paired_by)
            SELECT unit_id, coalesce(nullif(@name, ''), unit_id || ' tablet'), @token, issued_by FROM used
            RETURNING device_id, unit_id
            """);
        command.Parameters.AddWithValue("code", Hash(normalized));
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("token", Hash(token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new PairedDevice(reader.GetInt64(0), reader.GetString(1), token) : null;
    }

    public async Task<IReadOnlyList<UnitDevice>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT device_id, unit_id, name, paired_at, paired_by, last_seen_at, revoked_at, revoked_by
            FROM unit_device ORDER BY revoked_at IS NOT NULL, unit_id, device_id
            """);
        var devices = new List<UnitDevice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(new UnitDevice(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4), NullableTime(reader, 5), NullableTime(reader, 6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return devices;
    }

    /// <summary>Revokes the device and tells every node to cut its connections; false when there is no such device or it was revoked already.</summary>
    public async Task<bool> RevokeAsync(long deviceId, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE unit_device SET revoked_at = now(), revoked_by = @by WHERE device_id = @id AND revoked_at IS NULL;
            """, connection, transaction);
        command.Parameters.AddWithValue("id", deviceId);
        command.Parameters.AddWithValue("by", Actor(by));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{RevokedChannel}', @id::text)", connection, transaction);
        notify.Parameters.AddWithValue("id", deviceId);
        await notify.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The paired, unrevoked device holding this token, marked seen; null for any other token.</summary>
    public async Task<DeviceIdentity?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH device AS (
                SELECT device_id, unit_id, name, last_seen_at FROM unit_device WHERE token_sha256 = @token AND revoked_at IS NULL),
            seen AS (
                UPDATE unit_device d SET last_seen_at = now() FROM device
                WHERE d.device_id = device.device_id AND (device.last_seen_at IS NULL OR device.last_seen_at < now() - @granularity))
            SELECT device_id, unit_id, name FROM device
            """);
        command.Parameters.AddWithValue("token", Hash(token));
        command.Parameters.AddWithValue("granularity", SeenGranularity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new DeviceIdentity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public async Task<bool> IsRevokedAsync(long deviceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT revoked_at IS NOT NULL FROM unit_device WHERE device_id = @id");
        command.Parameters.AddWithValue("id", deviceId);
        return await command.ExecuteScalarAsync(cancellationToken) as bool? ?? true;
    }

    /// <summary>Upper case, without the spaces and dashes people type between groups; null when it cannot be a code.</summary>
    public static string? NormalizeCode(string? code)
    {
        var normalized = new string((code ?? "").Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();
        return normalized.Length == CodeLength && normalized.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? normalized : null;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
