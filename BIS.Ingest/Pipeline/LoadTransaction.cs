using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>How every transaction that rebuilds index rows starts: a feed load, or the re-judging of every building.</summary>
internal static class LoadTransaction
{
    /// <summary>
    /// Sorts, hashes and index builds in memory (the linkage ladder sorts 47 MB for 340,000 violations, and a
    /// first load builds its deferred indexes here), for this transaction only; and the temp table
    /// <c>touched</c>, where each step adds the buildings whose index rows are to be rebuilt.
    /// </summary>
    public static async Task BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SET LOCAL work_mem = '128MB';
            SET LOCAL maintenance_work_mem = '512MB';
            CREATE TEMP TABLE touched (building_id bigint PRIMARY KEY) ON COMMIT DROP;
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
