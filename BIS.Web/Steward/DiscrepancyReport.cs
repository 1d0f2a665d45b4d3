using System.Globalization;
using Npgsql;

namespace BIS.Web.Steward;

/// <summary>
/// <c>GET /api/feeds/{feed}/discrepancies.csv</c>: what the publisher of a feed should fix, one line per problem — the
/// feed's records that are unmatched now, then the rejected rows of its last run that read its input — each with a
/// <see cref="DiscrepancyCodes">problem code</see>, the source record id, the line, the raw value and the reason.
/// </summary>
public sealed class DiscrepancyReport(NpgsqlDataSource dataSource)
{
    public static readonly string[] Header = ["problem_code", "feed", "source_record_id", "line_number", "raw_value", "reason", "run_id"];

    public async Task WriteAsync(string feed, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH last_read AS (
                SELECT run_id FROM feed_run WHERE feed = @feed AND status <> 'running' AND rows_read > 0 ORDER BY run_id DESC LIMIT 1
            )
            SELECT 'unmatched', f.record_id, f.line_number,
                   coalesce(f.address_text, ST_AsText(f.location), ''), coalesce(f.unmatched_reason, 'not linked'), f.updated_run_id
            FROM feed_record f WHERE f.feed = @feed AND f.building_id IS NULL
            UNION ALL
            SELECT 'rejected', r.record_id, r.line_number, r.raw_text, r.reason, r.run_id
            FROM rejected_row r JOIN last_read l ON l.run_id = r.run_id
            ORDER BY 1 DESC, 3, 2
            """, connection);
        command.Parameters.AddWithValue("feed", feed);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var csv = RunCsv.Begin(response, $"{feed}-discrepancies.csv");
        await csv.WriteRecordAsync(Header, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var reason = reader.GetString(4);
            var code = reader.GetString(0) == "unmatched" ? DiscrepancyCodes.OfUnmatched(reason) : DiscrepancyCodes.OfRejection(reason);
            await csv.WriteRecordAsync(
                [
                    code, feed, reader.IsDBNull(1) ? string.Empty : reader.GetString(1), reader.GetInt64(2).ToString(CultureInfo.InvariantCulture),
                    reader.GetString(3), reason, reader.GetInt64(5).ToString(CultureInfo.InvariantCulture),
                ],
                cancellationToken);
        }
    }
}
