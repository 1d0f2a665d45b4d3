using System.Security.Claims;
using BIS.Domain.Feeds;
using BIS.Ingest.Alarms;
using BIS.Ingest.Scheduling;
using BIS.Web.Security.Audit;
using Npgsql;

namespace BIS.Web.Steward;

/// <summary>Who acts at the steward desk, and from where (a request's or a console's <see cref="ClientOrigin"/>).</summary>
public sealed record StewardCaller(ClaimsPrincipal User, ClientOrigin Origin)
{
    public string Name => User.Identity?.Name ?? "unknown";
}

/// <summary>
/// What a steward does to feeds and alarms — pause with a reason, resume, accept a refused run, acknowledge, snooze —
/// each written to <c>audit_log</c> (<see cref="AccessAudit"/>: who, role, address, user agent) in the same transaction
/// as the change, so no action goes unrecorded. An alarm change sends <c>NOTIFY bis_alarms_changed</c>, which every
/// open board hears on every node.
/// </summary>
public sealed class StewardActions(NpgsqlDataSource dataSource)
{
    public const int MaxReasonLength = 500;

    /// <summary>Pauses a feed: its runs are refused until resumed (a restart keeps the pause: it is stored).</summary>
    public Task PauseAsync(string feed, string reason, StewardCaller by, CancellationToken cancellationToken) =>
        ExecuteAsync(by, "feed.pause", $"{feed}: {reason}",
            """
            INSERT INTO feed_control (feed, paused, paused_by, paused_at, paused_reason) VALUES (@feed, true, @by, now(), @reason)
            ON CONFLICT (feed) DO UPDATE SET paused = true, paused_by = @by, paused_at = now(), paused_reason = @reason
            """,
            [("feed", feed), ("reason", Reason(reason))], notify: false, cancellationToken);

    public Task ResumeAsync(string feed, StewardCaller by, CancellationToken cancellationToken) =>
        ExecuteAsync(by, "feed.resume", feed,
            "UPDATE feed_control SET paused = false, paused_by = @by, paused_at = now(), paused_reason = NULL WHERE feed = @feed",
            [("feed", feed)], notify: false, cancellationToken);

    /// <summary>
    /// Applies the feed's last run, refused by a judgment gate, on purpose: audited here, then run through the scheduler,
    /// whose run checks (as <c>BIS.Ingest run --accept</c> does) that the refusal was a gate's and the input is unchanged.
    /// </summary>
    public async Task AcceptAsync(FeedKind feed, FeedTrigger trigger, StewardCaller by, CancellationToken cancellationToken)
    {
        await ExecuteAsync(by, "feed.accept", feed.Slug(), sql: null, [], notify: false, cancellationToken);
        await trigger.TriggerNowAsync(feed, by.Name, cancellationToken, accept: true);
    }

    /// <returns>False when no open, unacknowledged alarm has that id.</returns>
    public async Task<bool> AcknowledgeAsync(long alarmId, StewardCaller by, CancellationToken cancellationToken) =>
        await ExecuteAsync(by, "alarm.acknowledge", $"alarm {alarmId}",
            "UPDATE feed_alarm SET acknowledged_at = now(), acknowledged_by = @by WHERE alarm_id = @alarm AND resolved_at IS NULL AND acknowledged_at IS NULL",
            [("alarm", alarmId)], notify: true, cancellationToken) > 0;

    /// <returns>False when no open alarm has that id.</returns>
    public async Task<bool> SnoozeAsync(long alarmId, TimeSpan duration, StewardCaller by, CancellationToken cancellationToken) =>
        await ExecuteAsync(by, "alarm.snooze", $"alarm {alarmId} for {duration.TotalMinutes:0} min",
            "UPDATE feed_alarm SET snoozed_until = now() + @for, snoozed_by = @by WHERE alarm_id = @alarm AND resolved_at IS NULL",
            [("alarm", alarmId), ("for", duration)], notify: true, cancellationToken) > 0;

    /// <param name="sql">The change, with <c>@by</c> bound to the steward; null when the action is only recorded (what it starts runs elsewhere).</param>
    /// <returns>Rows the change touched (1 when only recorded); nothing is audited when it touched none.</returns>
    private async Task<int> ExecuteAsync(
        StewardCaller by, string action, string detail, string? sql, (string Name, object Value)[] parameters, bool notify, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = 1;
        if (sql is not null)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("by", by.Name);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (changed > 0)
        {
            await AccessAudit.RecordAsync(connection, action, by.User, by.Origin, detail, cancellationToken);
            if (notify)
            {
                await using var announce = new NpgsqlCommand($"NOTIFY {AlarmEvaluator.NotifyChannel}", connection);
                await announce.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static string Reason(string reason)
    {
        var text = new string(reason.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return text.Length > MaxReasonLength ? text[..MaxReasonLength] : text;
    }
}
