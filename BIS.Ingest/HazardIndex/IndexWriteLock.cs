using Npgsql;

namespace BIS.Ingest.HazardIndex;

/// <summary>
/// One writer of hazard_index at a time across every process: a PostgreSQL advisory lock that a run's
/// transaction waits for before it reads the facts it assesses, and holds to its commit. Feed locks
/// (<see cref="Pipeline.FeedRunLock"/>) keep two loads of one feed apart; this keeps the index phases of
/// different feeds, and of the nightly re-evaluation, in sequence.
/// </summary>
public static class IndexWriteLock
{
    // "BISI" in the high bytes: apart from the feed locks ("BIS\0" + feed) and any other advisory lock user.
    public const long Key = 0x4249_5349_0000_0001;

    public static async Task AcquireAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
