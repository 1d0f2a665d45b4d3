using BIS.Domain.Feeds;
using BIS.Ingest.Feeds;
using BIS.Ingest.Freshness;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace BIS.Web.Steward;

/// <summary>Reads the steward board: each feed's freshness, last and running run, pause, schedule and recent runs.</summary>
public sealed class FeedBoard(NpgsqlDataSource dataSource, FeedFreshness freshness, IOptionsMonitor<FeedsOptions> feeds, TimeProvider time)
{
    public const int HistoryRuns = 30;

    public async Task<IReadOnlyList<FeedBoardRow>> ReadAsync(CancellationToken cancellationToken)
    {
        var fresh = await freshness.ReadAsync(cancellationToken);
        var runs = await ReadRunsAsync(cancellationToken);
        var pauses = await ReadPausesAsync(cancellationToken);
        var now = time.GetUtcNow();
        return FeedLoadOrder.All.Select(feed =>
        {
            var slug = feed.Slug();
            var source = feeds.CurrentValue.Sources.GetValueOrDefault(slug);
            var history = runs.GetValueOrDefault(slug) ?? [];
            var finished = history.Where(r => r.Status != "running").ToList();
            return new FeedBoardRow(
                slug,
                fresh[slug].SourceName,
                source?.Cron ?? string.Empty,
                source is { Enabled: true } ? NextRun(source.Cron, now) : null,
                fresh[slug],
                finished.LastOrDefault(),
                history.LastOrDefault(r => r.Status == "running"),
                finished.LastOrDefault(r => r.Read > 0) ?? finished.LastOrDefault(),
                pauses.GetValueOrDefault(slug),
                finished.Select(r => new RunPoint(r.RunId, r.Status, r.Read, ((r.FinishedAt ?? now) - r.StartedAt).TotalSeconds)).ToList());
        }).ToList();
    }

    /// <summary>When the feed's cron fires next; the options validator has already refused a cron Quartz cannot read.</summary>
    private static DateTimeOffset? NextRun(string cron, DateTimeOffset now)
    {
        try
        {
            return new CronExpression(cron).GetNextValidTimeAfter(now);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Each feed's last <see cref="HistoryRuns"/> runs, oldest first.</summary>
    private async Task<Dictionary<string, List<RunView>>> ReadRunsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT r.feed, r.run_id, r.status, r.phase, r.started_at, r.finished_at, r.rows_read, r.rows_accepted, r.rows_rejected,
                   r.rows_warned, r.rows_matched, r.rows_unmatched, r.message, r.refused_gate, r.rows_so_far
            FROM unnest(@feeds) AS f(feed)
            CROSS JOIN LATERAL (SELECT * FROM feed_run r WHERE r.feed = f.feed ORDER BY r.run_id DESC LIMIT @limit) r
            ORDER BY r.feed, r.run_id
            """);
        command.Parameters.AddWithValue("feeds", FeedLoadOrder.All.Select(f => f.Slug()).ToArray());
        command.Parameters.AddWithValue("limit", HistoryRuns);
        var runs = new Dictionary<string, List<RunView>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var feed = reader.GetString(0);
            if (!runs.TryGetValue(feed, out var list))
            {
                runs[feed] = list = [];
            }

            list.Add(new RunView(
                reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8),
                reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetInt64(14)));
        }

        return runs;
    }

    private async Task<Dictionary<string, PauseView>> ReadPausesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT feed, paused_by, paused_at, paused_reason FROM feed_control WHERE paused");
        var pauses = new Dictionary<string, PauseView>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pauses[reader.GetString(0)] = new PauseView(
                reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return pauses;
    }
}
