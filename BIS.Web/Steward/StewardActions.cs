using System.Security.Claims;
using BIS.Domain.Feeds;
using BIS.Ingest.Alarms;
using BIS.Ingest.Scheduling;
using Npgsql;

namespace BIS.Web.Steward;

/// <summary>
/// What a steward does to feeds and alarms — pause with a reason, resume, acknowledge, snooze — each written to
/// <c>audit_log</c> (who, role, what) in the same transaction as the change, so no action goes unrecorded.
/// An alarm change sends <c>NOTIFY bis_alarms_changed</c>, which every open board hears on every node.
/// </summary>
public sealed class StewardActions(NpgsqlDataSource dataSource)
{
    public const int MaxReasonLength = 500;

    /// <summary>Pauses a feed: its runs are refused until resumed (a restart keeps the pause: it is stored).</summary>
    public Task PauseAsync(string feed, string reason, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ActAsync(user, "feed.pause", $"{feed}: {reason}",
            """
            INSERT INTO feed_control (feed, paused, paused_by, paused_at, paused_reason) VALUES (@feed, true, @by, now(), @reason)
            ON CONFLICT (feed) DO UPDATE SET paused = true, paused_by = @by, paused_at = now(), paused_reason = @reason
            """,
            cancellationToken, ("feed", feed), ("reason", Reason(reason)));

    public Task ResumeAsync(string feed, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ActAsync(user, "feed.resume", feed,
            "UPDATE feed_control SET paused = false, paused_by = @by, paused_at = now(), paused_reason = NULL WHERE feed = @feed",
            cancellationToken, ("feed", feed));

    /// <summary>
    /// Applies the feed's last run, refused by a judgment gate, on purpose: audited here, then run through the scheduler,
    /// whose run checks (as <c>BIS.Ingest run --accept</c> does) that the refusal was a gate's and the input is unchanged.
    /// </summary>
    public async Task AcceptAsync(FeedKind feed, FeedTrigger trigger, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await ExecuteAuditedAsync(user, "feed.accept", feed.Slug(), sql: null, [], notify: false, cancellationToken);
        await trigger.TriggerNowAsync(feed, Who(user), cancellationToken, accept: true);
    }

    /// <returns>False when no open alarm has that id.</returns>
    public Task<bool> AcknowledgeAsync(long alarmId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ActOnAlarmAsync(user, "alarm.acknowledge", alarmId, $"alarm {alarmId}",
            "UPDATE feed_alarm SET acknowledged_at = now(), acknowledged_by = @by WHERE alarm_id = @alarm AND resolved_at IS NULL AND acknowledged_at IS NULL",
            cancellationToken);

    /// <returns>False when no open alarm has that id.</returns>
    public Task<bool> SnoozeAsync(long alarmId, TimeSpan duration, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ActOnAlarmAsync(user, "alarm.snooze", alarmId, $"alarm {alarmId} for {duration.TotalMinutes:0} min",
            "UPDATE feed_alarm SET snoozed_until = now() + @for, snoozed_by = @by WHERE alarm_id = @alarm AND resolved_at IS NULL",
            cancellationToken, ("for", duration));

    private async Task<bool> ActOnAlarmAsync(
        ClaimsPrincipal user, string action, long alarmId, string detail, string sql, CancellationToken cancellationToken, params (string, object)[] parameters)
    {
        var changed = await ExecuteAuditedAsync(user, action, detail, sql, [("alarm", alarmId), .. parameters], notify: true, cancellationToken);
        return changed > 0;
    }

    /// <param name="sql">The change; null when the action is only recorded (what it starts runs elsewhere).</param>
    private async Task<int> ExecuteAuditedAsync(
        ClaimsPrincipal user, string action, string detail, string? sql, (string Name, object Value)[] parameters, bool notify, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = 1;
        if (sql is not null)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("by", Who(user));
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (changed > 0)
        {
            await using var audit = new NpgsqlCommand(
                "INSERT INTO audit_log (actor, actor_role, action, detail) VALUES (@actor, @role, @action, @detail)" +
                (notify ? $"; NOTIFY {AlarmEvaluator.NotifyChannel}" : string.Empty),
                connection);
            audit.Parameters.AddWithValue("actor", Who(user));
            audit.Parameters.AddWithValue("role", string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value)));
            audit.Parameters.AddWithValue("action", action);
            audit.Parameters.AddWithValue("detail", detail);
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private Task ActAsync(
        ClaimsPrincipal user, string action, string detail, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        ExecuteAuditedAsync(user, action, detail, sql, parameters, notify: false, cancellationToken);

    private static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static string Reason(string reason)
    {
        var text = new string(reason.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return text.Length > MaxReasonLength ? text[..MaxReasonLength] : text;
    }
}
