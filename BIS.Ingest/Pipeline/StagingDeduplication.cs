using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// A record id staged twice (rows appended mid-export, or an id repeated across input files) keeps
/// its last row; the earlier ones are rejected with the line that superseded them.
/// </summary>
public static class StagingDeduplication
{
    public static async Task<long> RemoveSupersededAsync(NpgsqlConnection connection, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH later AS (
                SELECT record_id, max(seq) AS keep_seq FROM stage GROUP BY record_id HAVING count(*) > 1
            )
            DELETE FROM stage s USING later l, stage k
            WHERE s.record_id = l.record_id AND s.seq < l.keep_seq AND k.seq = l.keep_seq
            RETURNING s.line_number, s.record_id, k.line_number, s.attrs::text
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long removed = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            removed++;
            rejected.Add(new RejectedRow
            {
                LineNumber = reader.GetInt64(0),
                Reason = $"Record id {reader.GetString(1)} is superseded by line {reader.GetInt64(2)}.",
                RawText = reader.GetString(3),
            });
        }

        return removed;
    }
}
