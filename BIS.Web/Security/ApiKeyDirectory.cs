using BIS.Ingest.Database;
using BIS.Web.Lookup;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BIS.Web.Security;

/// <summary>A CAD client known by the SHA-256 of its key.</summary>
public sealed record ApiClient(string Name, string Role);

/// <summary>
/// Finds the CAD client a key belongs to. Every CAD request carries its key, so known keys are kept
/// for <see cref="Remembered"/>: a key disabled or revoked in the database stops working within that time
/// on every node, and at once on the node that revoked it (<see cref="Forget"/>). Unknown keys are not kept,
/// so guessing cannot fill the memory. Each read from the database also stamps the key's last use, so
/// last_used_at is written at most once per key and node every <see cref="Remembered"/>.
/// </summary>
public sealed class ApiKeyDirectory([FromKeyedServices(LookupDataSource.Key)] NpgsqlDataSource dataSource, DatabaseRetry retry) : IDisposable
{
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    public async Task<ApiClient?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(keyHash, out ApiClient? client))
        {
            return client;
        }

        client = await retry.IdempotentAsync(ct => ReadAsync(keyHash, ct), cancellationToken);
        if (client is null)
        {
            return null;
        }

        _known.Set(keyHash, client, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
        return client;
    }

    private async Task<ApiClient?> ReadAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE api_client SET last_used_at = now() WHERE key_sha256 = @hash AND NOT disabled AND revoked_at IS NULL RETURNING name, role");
        command.Parameters.AddWithValue("hash", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ApiClient(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Drops a key from this node's memory (it was just revoked here).</summary>
    public void Forget(string keyHash) => _known.Remove(keyHash);

    public void Dispose() => _known.Dispose();
}
