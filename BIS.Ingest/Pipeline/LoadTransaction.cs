using BIS.Ingest.Database;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>How every transaction that rebuilds index rows starts: a feed load, or the re-judging of every building.</summary>
internal sealed class LoadTransaction : IAsyncDisposable
{
    private LoadTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>
    /// Opens the connection and begins the transaction with sorts, hashes and index builds in memory (the
    /// linkage ladder sorts 47 MB for 340,000 violations, and a first load builds its deferred indexes here)
    /// and the temp table <c>touched</c>, where each step adds the buildings whose index rows are to be
    /// rebuilt. Nothing is written until this returns, so a connection found dead here (a pooled one the
    /// server closed when it restarted) is replaced and the start tried again.
    /// </summary>
    public static async Task<LoadTransaction> StartAsync(NpgsqlDataSource dataSource, DatabaseRetry retry, CancellationToken cancellationToken) =>
        await retry.IdempotentAsync(async ct =>
        {
            var connection = await dataSource.OpenConnectionAsync(ct);
            try
            {
                var transaction = await connection.BeginTransactionAsync(ct);
                await using var command = new NpgsqlCommand(
                    """
                    SET LOCAL work_mem = '128MB';
                    SET LOCAL maintenance_work_mem = '512MB';
                    CREATE TEMP TABLE touched (building_id bigint PRIMARY KEY) ON COMMIT DROP;
                    """, connection);
                await command.ExecuteNonQueryAsync(ct);
                return new LoadTransaction(connection, transaction);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
