using System.Security.Claims;
using System.Security.Cryptography;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using Npgsql;

namespace BIS.Web.Cad;

/// <summary>A CAD client's key as the admin page lists it (never the key itself: only its SHA-256 is stored).</summary>
public sealed record CadKey(long ClientId, string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt, string? RevokedBy, bool Disabled)
{
    public bool Works => RevokedAt is null && !Disabled;
}

/// <summary>A key just made: <see cref="Key"/> is shown once and never again.</summary>
public sealed record NewCadKey(CadKey Client, string Key);

/// <summary>Input that cannot become a key (name empty, taken, malformed): said plainly to the admin.</summary>
public sealed class CadKeyException(string message) : Exception(message);

/// <summary>
/// Makes, lists and revokes CAD keys (table api_client). Each change is written to the audit log in its own
/// transaction. A revoked key stops at once on this node (its cached entry is dropped) and within
/// <see cref="ApiKeyDirectory.Remembered"/> on every other node.
/// </summary>
public sealed class CadKeys(NpgsqlDataSource dataSource, ApiKeyDirectory directory)
{
    public const int MaxNameLength = 64;
    public const string Created = "cad-key-created";
    public const string Revoked = "cad-key-revoked";

    public async Task<IReadOnlyList<CadKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT client_id, name, created_at, created_by, last_used_at, revoked_at, revoked_by, disabled
            FROM api_client ORDER BY revoked_at IS NOT NULL, name
            """);
        var keys = new List<CadKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    public async Task<NewCadKey> CreateAsync(string name, ClaimsPrincipal by, ClientOrigin origin, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new CadKeyException($"A client name is 1 to {MaxNameLength} letters, digits, '-', '_' or '.' (e.g. city-cad).");
        }

        // 32 random bytes: unguessable; the prefix tells whoever finds one in a log or a file what it is.
        var key = "bis_cad_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO api_client (name, key_sha256, created_by) VALUES (@name, @hash, @by)
            ON CONFLICT (name) DO NOTHING
            RETURNING client_id, name, created_at, created_by, last_used_at, revoked_at, revoked_by, disabled
            """, connection, transaction);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("hash", ApiKeyAuthentication.Hash(key));
        insert.Parameters.AddWithValue("by", by.Identity?.Name ?? "unknown");
        CadKey client;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new CadKeyException($"There is already a client named '{name}' (a revoked client keeps its name): choose another name.");
            }

            client = Read(reader);
        }

        await AccessAudit.RecordAsync(connection, Created, by, origin, $"client {name}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NewCadKey(client, key);
    }

    /// <summary>False when there is no such client or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(long clientId, ClaimsPrincipal by, ClientOrigin origin, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE api_client SET revoked_at = now(), revoked_by = @by WHERE client_id = @id AND revoked_at IS NULL RETURNING name, key_sha256",
            connection, transaction);
        update.Parameters.AddWithValue("id", clientId);
        update.Parameters.AddWithValue("by", by.Identity?.Name ?? "unknown");
        string name, hash;
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            (name, hash) = (reader.GetString(0), reader.GetString(1));
        }

        await AccessAudit.RecordAsync(connection, Revoked, by, origin, $"client {name}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        directory.Forget(hash);
        return true;
    }

    private static CadKey Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
