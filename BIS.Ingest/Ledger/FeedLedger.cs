using BIS.Ingest.Database;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BIS.Ingest.Ledger;

/// <summary>
/// The run ledger. Every call uses its own short connection, never the run's transaction, so a run
/// that is refused, fails or is killed still leaves its row (a killed run stays "running" until the
/// next run of the feed marks it failed). Reads and the finishing update are tried again on a lost
/// connection (<see cref="DatabaseRetry"/>); the inserts are not.
/// </summary>
public sealed class FeedLedger([FromKeyedServices(BisDataSource.OwnerKey)] NpgsqlDataSource dataSource, TimeProvider time, DatabaseRetry retry)
{
    public async Task<long> StartAsync(string feed, string trigger, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            WITH started AS (INSERT INTO feed_run (feed, trigger, started_at, status, phase) VALUES (@feed, @trigger, @now, 'running', 'starting') RETURNING run_id)
            SELECT run_id, pg_notify('{RunProgress.NotifyChannel}', @feed) FROM started
            """);
        command.Parameters.AddWithValue("feed", feed);
        command.Parameters.AddWithValue("trigger", trigger);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Marks the feed's other "running" rows failed: runs whose process stopped can never finish.
    /// Only the holder of the feed's run lock (<see cref="Pipeline.FeedRunLock"/>) may call this — then
    /// no other run of the feed is alive.
    /// </summary>
    public async Task MarkAbandonedAsync(string feed, long currentRunId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE feed_run SET status = 'failed', finished_at = @now,
                   message = coalesce(message || '; ', '') || 'abandoned: the process running it stopped'
            WHERE feed = @feed AND status = 'running' AND run_id <> @current
            """);
        command.Parameters.AddWithValue("feed", feed);
        command.Parameters.AddWithValue("current", currentRunId);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task SetPhaseAsync(long runId, string phase, CancellationToken cancellationToken) =>
        SetAndAnnounceAsync(runId, "phase", phase, cancellationToken);

    /// <summary>Rows a run in progress has handled so far (<see cref="RunProgress"/>).</summary>
    public Task SetRowsSoFarAsync(long runId, long rows, CancellationToken cancellationToken) =>
        SetAndAnnounceAsync(runId, "rows_so_far", rows, cancellationToken);

    /// <summary>Sets a column of a run in progress and tells every steward board (<see cref="RunProgress.NotifyChannel"/>).</summary>
    private async Task SetAndAnnounceAsync(long runId, string column, object value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE feed_run SET {column} = @value WHERE run_id = @run RETURNING pg_notify('{RunProgress.NotifyChannel}', feed)");
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("run", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishAsync(FeedRunResult result)
    {
        // Sets the same values however often it runs; the ledger must be written even when the run was cancelled.
        var now = time.GetUtcNow();
        await retry.IdempotentAsync(ct => FinishOnceAsync(result, now, ct), CancellationToken.None);
    }

    private async Task FinishOnceAsync(FeedRunResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            UPDATE feed_run SET finished_at = @now, status = @status, phase = NULL,
                   rows_read = @read, rows_accepted = @accepted, rows_rejected = @rejected, rows_warned = @warned,
                   rows_matched = @matched, rows_unmatched = @unmatched, rows_kept = @kept, buildings_changed = @changed,
                   input_checksum = @checksum, mapping_version = @mapping, message = @message, phase_seconds = @phases::jsonb,
                   refused_gate = @gate, accepted_by = @acceptedBy, accepts_run_id = @acceptsRun
            WHERE run_id = @run
            RETURNING pg_notify('{RunProgress.NotifyChannel}', feed)
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("status", result.Status.ToDb());
        command.Parameters.AddWithValue("read", result.RowsRead);
        command.Parameters.AddWithValue("accepted", result.RowsAccepted);
        command.Parameters.AddWithValue("rejected", result.RowsRejected);
        command.Parameters.AddWithValue("warned", result.RowsWarned);
        command.Parameters.AddWithValue("matched", result.RowsMatched);
        command.Parameters.AddWithValue("unmatched", result.RowsUnmatched);
        command.Parameters.AddWithValue("kept", result.RowsKept);
        command.Parameters.AddWithValue("changed", result.BuildingsChanged);
        command.Parameters.AddWithValue("checksum", (object?)result.InputChecksum ?? DBNull.Value);
        command.Parameters.AddWithValue("mapping", (object?)result.MappingVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("message", (object?)result.Message ?? DBNull.Value);
        command.Parameters.AddWithValue("run", result.RunId);
        command.Parameters.AddWithValue("gate", (object?)result.RefusedGate?.ToDb() ?? DBNull.Value);
        command.Parameters.AddWithValue("acceptedBy", (object?)result.AcceptedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("acceptsRun", (object?)result.AcceptsRunId ?? DBNull.Value);
        command.Parameters.AddWithValue("phases", System.Text.Json.JsonSerializer.Serialize(result.PhaseSeconds));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveRejectedAsync(long runId, IReadOnlyList<RejectedRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY rejected_row (run_id, line_number, reason, raw_text, record_id) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(runId, NpgsqlDbType.Bigint);
            await writer.WriteAsync(row.LineNumber, NpgsqlDbType.Bigint);
            await writer.WriteAsync(Clean(row.Reason), NpgsqlDbType.Text);
            await writer.WriteAsync(Clean(row.RawText), NpgsqlDbType.Text);
            if (row.RecordId is { } recordId)
            {
                await writer.WriteAsync(Clean(recordId), NpgsqlDbType.Text);
            }
            else
            {
                await writer.WriteNullAsync();
            }
        }

        await writer.CompleteAsync();
    }

    /// <summary>The last run that loaded data, or that found its input identical to such a run.</summary>
    public async Task<LastGoodRun?> LastGoodAsync(string feed, CancellationToken cancellationToken) =>
        await retry.IdempotentAsync(ct => ReadLastGoodAsync(feed, ct), cancellationToken);

    private async Task<LastGoodRun?> ReadLastGoodAsync(string feed, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT run_id, input_checksum, mapping_version,
                   (SELECT r2.rows_accepted FROM feed_run r2
                    WHERE r2.feed = @feed AND r2.status IN ('succeeded', 'unchanged') AND r2.rows_accepted > 0
                    ORDER BY r2.run_id DESC LIMIT 1)
            FROM feed_run WHERE feed = @feed AND status IN ('succeeded', 'unchanged')
            ORDER BY run_id DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("feed", feed);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new LastGoodRun(
            reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3));
    }

    /// <summary>The feed's latest run that has finished, other than <paramref name="currentRunId"/>; null when there is none.</summary>
    public Task<FinishedRun?> LastFinishedAsync(string feed, long currentRunId, CancellationToken cancellationToken) =>
        retry.IdempotentAsync(ct => ReadLastFinishedAsync(feed, currentRunId, ct), cancellationToken);

    private async Task<FinishedRun?> ReadLastFinishedAsync(string feed, long currentRunId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT run_id, status, refused_gate, input_checksum, message FROM feed_run
            WHERE feed = @feed AND status <> 'running' AND run_id <> @current
            ORDER BY run_id DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("feed", feed);
        command.Parameters.AddWithValue("current", currentRunId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new FinishedRun(
            reader.GetInt64(0), FeedRunStatusNames.FromDb(reader.GetString(1)), RefusalGateNames.FromDb(reader.IsDBNull(2) ? null : reader.GetString(2)),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    public async Task<bool> IsPausedAsync(string feed, CancellationToken cancellationToken) =>
        await retry.IdempotentAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand("SELECT paused FROM feed_control WHERE feed = @feed");
            command.Parameters.AddWithValue("feed", feed);
            return await command.ExecuteScalarAsync(ct) is true;
        }, cancellationToken);

    // PostgreSQL text cannot hold NUL; a hostile file must not make the ledger write fail.
    private static string Clean(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "\\0", StringComparison.Ordinal) : value;
}
