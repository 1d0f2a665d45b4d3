using BIS.TestSupport;
using Npgsql;

namespace BIS.Ingest.Tests.Pipeline;

internal static class LockWait
{
    /// <summary>
    /// Holds an exclusive lock on hazard_index until disposed, so a feed run provably stops inside its
    /// transaction (at the index upsert) where the test can cancel it or kill its process.
    /// </summary>
    public static Task<IAsyncDisposable> HoldIndexAsync(TestDatabase database) => HoldTableAsync(database, "hazard_index");

    /// <summary>Blocks every write to <paramref name="table"/> (reads go on) until disposed.</summary>
    public static async Task<IAsyncDisposable> HoldTableAsync(TestDatabase database, string table)
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {table} IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        return new Release(connection, transaction);
    }

    private sealed class Release(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Waits until some backend of the test database is blocked on a lock.</summary>
    public static async Task UntilSomeoneWaitsAsync(TestDatabase database, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var waiting = await database.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND wait_event_type = 'Lock'");
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No feed run reached the locked table in time.");
    }
}
