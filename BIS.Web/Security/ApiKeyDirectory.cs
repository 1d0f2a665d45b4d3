using BIS.Ingest.Database;
using BIS.Web.Lookup;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BIS.Web.Security;

/// <summary>A CAD client known by the SHA-256 of its key.</summary>
public sealed record ApiClient(string Name, string Role);

/// <summary>
/// Finds the CAD client a key belongs to. Every CAD request carries its key, so known keys are kept
/// for <see cref="Remembered"/>: a key disabled in the database stops working within that time.
/// Unknown keys are not kept, so guessing cannot fill the memory.
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
        await using var command = dataSource.CreateCommand("SELECT name, role FROM api_client WHERE key_sha256 = @hash AND NOT disabled");
        command.Parameters.AddWithValue("hash", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ApiClient(reader.GetString(0), reader.GetString(1)) : null;
    }

    public void Dispose() => _known.Dispose();
}
