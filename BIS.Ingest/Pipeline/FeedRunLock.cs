using BIS.Domain.Feeds;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// One load of a feed at a time, however it was started (scheduler on any node, run-now, the CLI):
/// a PostgreSQL advisory lock per feed, held by the run's transaction and released with it, also
/// when the process dies. Quartz's [DisallowConcurrentExecution] alone does not see CLI runs.
/// </summary>
public static class FeedRunLock
{
    // "BIS" in the high bytes keeps these keys apart from any other advisory lock user.
    private const long KeyBase = 0x4249_5300_0000_0000;

    public static long KeyOf(FeedKind feed) => KeyBase + (long)feed;

    /// <summary>Takes the feed's lock for the current transaction, or refuses the run when another holds it.</summary>
    public static async Task AcquireAsync(NpgsqlConnection connection, FeedKind feed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyOf(feed));
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            throw new FeedRefusedException($"Another run of {feed.Slug()} is loading right now; this one was not started.");
        }
    }
}
