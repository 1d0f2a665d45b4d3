using System.Globalization;
using Npgsql;

namespace BIS.Web.Steward;

/// <summary><c>GET /api/runs/{id}/rejected.csv?reason=</c>: every rejected row of a run (or those of one reason), in line order.</summary>
public sealed class RunRejectedCsv(NpgsqlDataSource dataSource)
{
    public static readonly string[] Header = ["line_number", "reason", "record_id", "raw_text"];

    /// <returns>False, having written nothing, when no run has that id.</returns>
    public async Task<bool> WriteAsync(long runId, string? reason, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT feed FROM feed_run WHERE run_id = @run", connection))
        {
            exists.Parameters.AddWithValue("run", runId);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not string)
            {
                return false;
            }
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT line_number, reason, record_id, raw_text FROM rejected_row
            WHERE run_id = @run AND (@reason::text IS NULL OR reason = @reason)
            ORDER BY line_number, reason
            """, connection);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("reason", string.IsNullOrEmpty(reason) ? DBNull.Value : reason);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var csv = RunCsv.Begin(response, $"run-{runId}-rejected.csv");
        await csv.WriteRecordAsync(Header, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await csv.WriteRecordAsync(
                [reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1), reader.IsDBNull(2) ? string.Empty : reader.GetString(2), reader.GetString(3)],
                cancellationToken);
        }

        return true;
    }
}
