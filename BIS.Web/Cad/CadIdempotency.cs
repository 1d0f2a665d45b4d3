using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BIS.Web.Cad;

/// <summary>
/// The Idempotency-Key ledger (IETF draft-ietf-httpapi-idempotency-key-header) in table cad_idempotency: one row
/// per (client, key), claimed by a unique INSERT so two nodes racing on one key agree on which runs it.
/// </summary>
/// <remarks>
/// Keys are kept <see cref="Kept"/> from the first request; each claim deletes that key's expired row and up to
/// 100 other expired rows, so the table needs no job of its own. A request that fails (an error answer, which
/// changed nothing, or an exception: the database went away) gives its key up, so the client's retry runs again;
/// a claim whose request has not answered within <see cref="Abandoned"/> (its node died) may be taken over by a retry.
/// </remarks>
public sealed class CadIdempotency(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);
    public const int MaxKeyLength = 255;

    public abstract record Claim;

    /// <summary>This request holds the key: run it, then <see cref="CompleteAsync"/> or <see cref="ReleaseAsync"/>.</summary>
    public sealed record Claimed : Claim;

    /// <summary>Answered before: send the same answer again.</summary>
    public sealed record Answered(CadOutcome Outcome) : Claim;

    /// <summary>The key was used with another method, path or body.</summary>
    public sealed record Mismatch : Claim;

    /// <summary>The first request with this key is still running.</summary>
    public sealed record InFlight : Claim;

    public static byte[] Fingerprint(string method, string path, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path}\n");
        return SHA256.HashData([.. head, .. body]);
    }

    public async Task<Claim> ClaimAsync(string client, string key, byte[] fingerprint, CancellationToken cancellationToken)
    {
        // A row can vanish between the INSERT that lost and the SELECT (it expired, or its request gave it up): try again.
        for (var attempt = 0; ; attempt++)
        {
            // One round trip and one commit: this key's expired row and up to 100 others go, then the claim.
            await using (var claim = dataSource.CreateBatch())
            {
                claim.BatchCommands.Add(Command(
                    "DELETE FROM cad_idempotency WHERE client = $1 AND key = $2 AND started_at < now() - $3", client, key, Kept));
                claim.BatchCommands.Add(Command(
                    """
                    DELETE FROM cad_idempotency WHERE (client, key) IN
                        (SELECT client, key FROM cad_idempotency WHERE started_at < now() - $1 LIMIT 100 FOR UPDATE SKIP LOCKED)
                    """, Kept));
                claim.BatchCommands.Add(Command(
                    "INSERT INTO cad_idempotency (client, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING true", client, key, fingerprint));
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                do
                {
                    if (await reader.ReadAsync(cancellationToken))
                    {
                        return new Claimed();
                    }
                }
                while (await reader.NextResultAsync(cancellationToken));
            }

            if (await ExistingAsync(client, key, fingerprint, cancellationToken) is { } existing)
            {
                return existing;
            }

            if (attempt >= 3)
            {
                throw new InvalidOperationException($"Idempotency key of {client} could neither be claimed nor read.");
            }
        }
    }

    private async Task<Claim?> ExistingAsync(string client, string key, byte[] fingerprint, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(
            """
            SELECT request_hash, status_code, content_type, response_body, location, started_at < now() - $3
            FROM cad_idempotency WHERE client = $1 AND key = $2
            """);
        select.Parameters.Add(new() { Value = client });
        select.Parameters.Add(new() { Value = key });
        select.Parameters.Add(new() { Value = Abandoned });
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            if (!reader.GetFieldValue<byte[]>(0).AsSpan().SequenceEqual(fingerprint))
            {
                return new Mismatch();
            }

            if (!reader.IsDBNull(1))
            {
                return new Answered(new CadOutcome(reader.GetInt32(1), reader.GetFieldValue<byte[]>(3), reader.GetString(2),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }

            if (!reader.GetBoolean(5))
            {
                return new InFlight();
            }
        }

        // Claimed long ago and never answered: the node that held it is gone. One retry takes it over.
        await using var takeOver = dataSource.CreateCommand(
            "UPDATE cad_idempotency SET started_at = now() WHERE client = $1 AND key = $2 AND status_code IS NULL AND started_at < now() - $3");
        takeOver.Parameters.Add(new() { Value = client });
        takeOver.Parameters.Add(new() { Value = key });
        takeOver.Parameters.Add(new() { Value = Abandoned });
        return await takeOver.ExecuteNonQueryAsync(cancellationToken) == 1 ? new Claimed() : new InFlight();
    }

    public async Task CompleteAsync(string client, string key, CadOutcome outcome)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE cad_idempotency SET completed_at = now(), status_code = $3, content_type = $4, response_body = $5, location = $6
            WHERE client = $1 AND key = $2
            """);
        foreach (var value in new object[] { client, key, outcome.Status, outcome.ContentType, outcome.Body, (object?)outcome.Location ?? DBNull.Value })
        {
            command.Parameters.Add(new() { Value = value });
        }

        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The request failed without an answer: the key is free for the client's retry.</summary>
    public async Task ReleaseAsync(string client, string key)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM cad_idempotency WHERE client = $1 AND key = $2 AND status_code IS NULL");
        command.Parameters.Add(new() { Value = client });
        command.Parameters.Add(new() { Value = key });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
