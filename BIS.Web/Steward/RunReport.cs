using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace BIS.Web.Steward;

/// <summary>
/// Reads what the run page (<c>/steward/runs/{id}</c>) shows: the run's figures and phases from the ledger, its rejected
/// rows (paged in the database: a broken export can reject a million), the records it loaded with warnings, the records
/// kept from their last good version, and the feed's unmatched records with the building that came closest.
/// </summary>
public sealed class RunReport(NpgsqlDataSource dataSource)
{
    public const int PageSize = 50;

    /// <summary>How many reasons the filter offers: reasons that name a line ("duplicate of line 12") are each their own.</summary>
    public const int ReasonsOffered = 40;

    /// <summary>The order a run passes its phases; a phase the ledger knows and this list does not comes last.</summary>
    private static readonly string[] PhaseOrder = ["waiting", "fetching", "reading", "staging", "linking", "merging", "relinking", "indexing"];

    /// <returns>Null when no run has that id.</returns>
    public async Task<RunDetail?> ReadAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT r.run_id, r.status, r.phase, r.started_at, r.finished_at, r.rows_read, r.rows_accepted, r.rows_rejected,
                   r.rows_warned, r.rows_matched, r.rows_unmatched, r.message, r.refused_gate,
                   r.feed, r.trigger, r.rows_kept, r.buildings_changed, r.input_checksum, r.mapping_version, r.phase_seconds::text,
                   r.accepted_by, r.accepts_run_id,
                   a.run_id, a.status,
                   r.status = 'refused' AND r.refused_gate IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM feed_run l WHERE l.feed = r.feed AND l.run_id > r.run_id)
            FROM feed_run r
            LEFT JOIN LATERAL (SELECT run_id, status FROM feed_run a WHERE a.accepts_run_id = r.run_id ORDER BY a.run_id DESC LIMIT 1) a ON true
            WHERE r.run_id = @run
            """);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var figures = new RunView(
            reader.GetInt64(0), reader.GetString(1), Text(reader, 2), reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
            reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), Text(reader, 11), Text(reader, 12));
        return new RunDetail(
            figures, reader.GetString(13), reader.GetString(14), reader.GetInt64(15), reader.GetInt64(16), Text(reader, 17), Text(reader, 18),
            Phases(reader.GetString(19)), Text(reader, 20), reader.IsDBNull(21) ? null : reader.GetInt64(21),
            reader.IsDBNull(22) ? null : new RunLink(reader.GetInt64(22), reader.GetString(23)),
            reader.GetBoolean(24));
    }

    /// <summary>The run's reasons for rejecting rows, most frequent first.</summary>
    public async Task<IReadOnlyList<ReasonCount>> ReasonsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT reason, count(*) FROM rejected_row WHERE run_id = @run GROUP BY reason ORDER BY count(*) DESC, reason LIMIT @limit");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("limit", ReasonsOffered);
        var reasons = new List<ReasonCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reasons.Add(new ReasonCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return reasons;
    }

    /// <param name="reason">Only the rows rejected for this reason; all when null.</param>
    /// <param name="page">1-based; a page past the end is empty.</param>
    public async Task<Paged<RejectedRowView>> RejectedAsync(long runId, string? reason, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        await using var command = dataSource.CreateCommand(
            """
            SELECT line_number, reason, raw_text, record_id, count(*) OVER ()
            FROM rejected_row
            WHERE run_id = @run AND (@reason::text IS NULL OR reason = @reason)
            ORDER BY line_number, reason
            LIMIT @limit OFFSET @offset
            """);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", PageSize);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * PageSize);
        var rows = new List<RejectedRowView>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new RejectedRowView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Text(reader, 3)));
                total = reader.GetInt64(4);
            }
        }

        if (rows.Count == 0 && page > 1)
        {
            // Past the end the window function sees no row: count on its own, so the pager still knows where the end is.
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM rejected_row WHERE run_id = @run AND (@reason::text IS NULL OR reason = @reason)");
            count.Parameters.AddWithValue("run", runId);
            count.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return new Paged<RejectedRowView>(rows, total, page, PageSize);
    }

    /// <summary>Records this run loaded with warnings (a record kept unchanged keeps the warnings of the run that loaded it).</summary>
    public async Task<IReadOnlyList<WarnedRecord>> WarnedAsync(RunDetail run, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT record_id, line_number, warnings FROM feed_record WHERE feed = @feed AND warnings IS NOT NULL AND updated_run_id = @run
            UNION ALL
            SELECT parcel_id, NULL, warnings FROM building WHERE @feed = 'assessing' AND warnings IS NOT NULL AND updated_run_id = @run
            UNION ALL
            SELECT hydrant_id, line_number, warnings FROM hydrant WHERE @feed = 'hydrants' AND warnings IS NOT NULL AND updated_run_id = @run
            ORDER BY 2 NULLS LAST, 1
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("feed", run.Feed);
        command.Parameters.AddWithValue("run", run.RunId);
        command.Parameters.AddWithValue("limit", limit);
        var records = new List<WarnedRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new WarnedRecord(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetFieldValue<string[]>(2)));
        }

        return records;
    }

    /// <summary>Rows rejected by this run whose record is still live: its last good version was kept instead of deleted.</summary>
    public async Task<IReadOnlyList<RejectedRowView>> KeptAsync(RunDetail run, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT r.line_number, r.reason, r.raw_text, r.record_id
            FROM rejected_row r
            WHERE r.run_id = @run AND r.record_id IS NOT NULL
              AND (EXISTS (SELECT 1 FROM feed_record f WHERE f.feed = @feed AND f.record_id = r.record_id)
                   OR (@feed = 'hydrants' AND EXISTS (SELECT 1 FROM hydrant h WHERE h.hydrant_id = r.record_id))
                   OR (@feed = 'assessing' AND EXISTS (SELECT 1 FROM building b WHERE b.parcel_id = r.record_id)))
            ORDER BY r.line_number
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("feed", run.Feed);
        command.Parameters.AddWithValue("run", run.RunId);
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<RejectedRowView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RejectedRowView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>
    /// The feed's records without a building now, a page at a time, each with the building that came closest: the
    /// nearest house numbers on its street below and above its own ("nearest 23 and 28"), or, for a record with only a
    /// point, the nearest building and how far. An ambiguous address already names its tied buildings in the reason.
    /// </summary>
    public async Task<Paged<UnmatchedRecord>> UnmatchedAsync(string feed, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        await using var command = dataSource.CreateCommand(
            """
            SELECT f.record_id, f.line_number, f.address_text, coalesce(f.unmatched_reason, 'not linked'),
                   f.street, below.label, below.building_id, above.label, above.building_id,
                   near.address_text, near.building_id, near.meters,
                   count(*) OVER ()
            FROM feed_record f
            LEFT JOIN LATERAL (
                SELECT split_part(a.address_text, ',', 1) AS label, a.building_id FROM building_address a
                WHERE a.street = f.street AND a.number_high < f.number_low
                ORDER BY a.number_high DESC, a.building_id LIMIT 1
            ) below ON f.number_low IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT split_part(a.address_text, ',', 1) AS label, a.building_id FROM building_address a
                WHERE a.street = f.street AND a.number_low > coalesce(f.number_high, f.number_low)
                ORDER BY a.number_low, a.building_id LIMIT 1
            ) above ON f.number_low IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT b.address_text, b.building_id, ST_Distance(b.location::geography, f.location::geography) AS meters
                FROM building b WHERE b.location IS NOT NULL
                ORDER BY b.location <-> f.location LIMIT 1
            ) near ON f.location IS NOT NULL
            WHERE f.feed = @feed AND f.building_id IS NULL
            ORDER BY f.line_number, f.record_id
            LIMIT @limit OFFSET @offset
            """);
        command.Parameters.AddWithValue("feed", feed);
        command.Parameters.AddWithValue("limit", PageSize);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * PageSize);
        var records = new List<UnmatchedRecord>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(new UnmatchedRecord(reader.GetString(0), reader.GetInt64(1), Text(reader, 2), reader.GetString(3), Candidate(reader)));
                total = reader.GetInt64(12);
            }
        }

        if (records.Count == 0 && page > 1)
        {
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM feed_record WHERE feed = @feed AND building_id IS NULL");
            count.Parameters.AddWithValue("feed", feed);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return new Paged<UnmatchedRecord>(records, total, page, PageSize);
    }

    private static string? Candidate(NpgsqlDataReader reader)
    {
        var street = Text(reader, 4);
        var onStreet = new[] { (Label: Text(reader, 5), Id: reader.IsDBNull(6) ? 0 : reader.GetInt64(6)), (Label: Text(reader, 7), Id: reader.IsDBNull(8) ? 0 : reader.GetInt64(8)) }
            .Where(c => c.Label is not null)
            .Select(c => $"{c.Label} (#{c.Id})")
            .ToList();
        if (onStreet.Count > 0)
        {
            return $"nearest on {street}: {string.Join(" and ", onStreet)}";
        }

        if (Text(reader, 9) is { } near)
        {
            return string.Create(CultureInfo.InvariantCulture, $"nearest building {reader.GetDouble(11):N0} m from its point: {near.Split(',')[0]} (#{reader.GetInt64(10)})");
        }

        if (!reader.IsDBNull(10))
        {
            return string.Create(CultureInfo.InvariantCulture, $"nearest building {reader.GetDouble(11):N0} m from its point: #{reader.GetInt64(10)}");
        }

        return street is null ? null : $"no building on {street} in assessing";
    }

    private static List<PhaseTime> Phases(string json)
    {
        var phases = new List<PhaseTime>();
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return phases;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.GetDouble() is var seconds && seconds >= 0)
            {
                phases.Add(new PhaseTime(property.Name, seconds));
            }
        }

        return phases.OrderBy(p => Array.IndexOf(PhaseOrder, p.Phase) is var i && i >= 0 ? i : PhaseOrder.Length).ThenBy(p => p.Phase, StringComparer.Ordinal).ToList();
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
