using BIS.Domain.Feeds;
using BIS.Ingest.Freshness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Alarms;

/// <summary>
/// Compares the conditions that hold now (<see cref="AlarmConditions"/>) with the open alarms: a new condition
/// opens an alarm, a vanished one resolves it, anything else is left alone — so an alarm is raised once per
/// change of state, never once per check. Openings and resolutions queue their webhook deliveries and send
/// <c>NOTIFY bis_alarms_changed</c> in the same transaction. Safe on any number of nodes at once: evaluations
/// take turns on an advisory lock, and the partial unique index on open alarms has the last word.
/// </summary>
public sealed class AlarmEvaluator(
    NpgsqlDataSource dataSource, FeedFreshness freshness, IOptionsMonitor<AlarmOptions> options, AlarmDeliverySignal deliveries, TimeProvider time,
    ILogger<AlarmEvaluator> logger)
{
    public const string NotifyChannel = "bis_alarms_changed";

    // pg_advisory_xact_lock key: "BISALARM" as an int64, apart from the feed and index locks.
    private const long EvaluationLock = 0x4249_5341_4C41_524D;

    public sealed record Changes(IReadOnlyList<long> Opened, IReadOnlyList<long> Resolved);

    public async Task<Changes> EvaluateAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var conditions = AlarmConditions.Of(
            (await freshness.ReadAsync(cancellationToken)).Values, await ReadRunFactsAsync(cancellationToken), settings.MatchRateDropPoints);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@lock)", cancellationToken, ("lock", EvaluationLock));
        var now = time.GetUtcNow();
        var opened = await IdsAsync(connection,
            """
            INSERT INTO feed_alarm (feed, kind, message, run_id, opened_at)
            SELECT c.feed, c.kind, c.message, c.run_id, @now FROM unnest(@feeds, @kinds, @messages, @runs) AS c(feed, kind, message, run_id)
            ON CONFLICT (feed, kind) WHERE resolved_at IS NULL DO NOTHING
            RETURNING alarm_id
            """,
            cancellationToken,
            ("now", now),
            ("feeds", conditions.Select(c => c.Feed).ToArray()),
            ("kinds", conditions.Select(c => c.Kind.ToDb()).ToArray()),
            ("messages", conditions.Select(c => c.Message).ToArray()),
            ("runs", conditions.Select(c => c.RunId).ToArray()));
        var resolved = await IdsAsync(connection,
            """
            UPDATE feed_alarm a SET resolved_at = @now
            WHERE a.resolved_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM unnest(@feeds, @kinds) AS c(feed, kind) WHERE c.feed = a.feed AND c.kind = a.kind)
            RETURNING alarm_id
            """,
            cancellationToken,
            ("now", now),
            ("feeds", conditions.Select(c => c.Feed).ToArray()),
            ("kinds", conditions.Select(c => c.Kind.ToDb()).ToArray()));

        if (opened.Count + resolved.Count > 0)
        {
            await QueueDeliveriesAsync(connection, "opened", opened, settings, now, cancellationToken);
            await QueueDeliveriesAsync(connection, "resolved", resolved, settings, now, cancellationToken);
            await ExecuteAsync(connection, $"NOTIFY {NotifyChannel}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (opened.Count + resolved.Count > 0)
        {
            logger.LogWarning("Feed alarms: {Opened} opened, {Resolved} resolved.", opened.Count, resolved.Count);
            deliveries.Pulse();
        }

        return new Changes(opened, resolved);
    }

    private static async Task QueueDeliveriesAsync(
        NpgsqlConnection connection, string alarmEvent, IReadOnlyList<long> alarms, AlarmOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (alarms.Count == 0 || settings.Webhooks.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection,
            """
            INSERT INTO alarm_delivery (alarm_id, event, webhook, next_attempt_at)
            SELECT a, @event, w, @now FROM unnest(@alarms) a CROSS JOIN unnest(@webhooks) w
            ON CONFLICT DO NOTHING
            """,
            cancellationToken,
            ("event", alarmEvent), ("now", now), ("alarms", alarms.ToArray()), ("webhooks", settings.Webhooks.Select(w => w.Name).ToArray()));
    }

    /// <summary>Per feed: its latest finished run, and its two latest runs that loaded rows.</summary>
    private async Task<IReadOnlyDictionary<string, FeedRunFacts>> ReadRunFactsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT f.feed, last.run_id, last.status, last.message, good.runs
            FROM unnest(@feeds) AS f(feed)
            LEFT JOIN LATERAL (
                SELECT run_id, status, message FROM feed_run r
                WHERE r.feed = f.feed AND r.status NOT IN ('running', 'cancelled') ORDER BY run_id DESC LIMIT 1) last ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(ARRAY[run_id, rows_accepted, rows_matched] ORDER BY run_id DESC) AS runs FROM (
                    SELECT run_id, rows_accepted, rows_matched FROM feed_run r
                    WHERE r.feed = f.feed AND r.status = 'succeeded' AND r.rows_accepted > 0 ORDER BY run_id DESC LIMIT 2) g) good ON true
            """);
        command.Parameters.AddWithValue("feeds", Enum.GetValues<FeedKind>().Select(f => f.Slug()).ToArray());
        var facts = new Dictionary<string, FeedRunFacts>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var feed = reader.GetString(0);
            var last = reader.IsDBNull(1) ? null : new FinishedRunFacts(reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            var good = reader.IsDBNull(4) ? new long[0, 3] : reader.GetFieldValue<long[,]>(4);
            facts[feed] = new FeedRunFacts(feed, last, GoodRun(good, 0), GoodRun(good, 1));
        }

        return facts;
    }

    private static GoodRunFacts? GoodRun(long[,] runs, int index) =>
        index < runs.GetLength(0) ? new GoodRunFacts(runs[index, 0], runs[index, 1], runs[index, 2]) : null;

    private static async Task<List<long>> IdsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
