using Npgsql;

namespace BIS.Web.Steward;

/// <summary>An alarm as the board shows it.</summary>
public sealed record AlarmView(
    long AlarmId, string Feed, string Kind, string Message, long? RunId, DateTimeOffset OpenedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? SnoozedUntil, DateTimeOffset? ResolvedAt)
{
    /// <summary>Kept in front of the steward until someone acknowledges it (or it is snoozed for a while).</summary>
    public bool NeedsAttention(DateTimeOffset now) => ResolvedAt is null && AcknowledgedAt is null && !(SnoozedUntil > now);
}

/// <summary>Reads the alarms a board shows: every open one, and the latest resolved ones as history.</summary>
public sealed class AlarmList(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<AlarmView>> ReadAsync(int resolvedToShow, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            (SELECT * FROM feed_alarm WHERE resolved_at IS NULL)
            UNION ALL
            (SELECT * FROM feed_alarm WHERE resolved_at IS NOT NULL ORDER BY resolved_at DESC LIMIT @resolved)
            ORDER BY resolved_at DESC NULLS FIRST, opened_at DESC
            """);
        command.Parameters.AddWithValue("resolved", resolvedToShow);
        var alarms = new List<AlarmView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alarms.Add(new AlarmView(
                reader.GetInt64(reader.GetOrdinal("alarm_id")), reader.GetString(reader.GetOrdinal("feed")), reader.GetString(reader.GetOrdinal("kind")),
                reader.GetString(reader.GetOrdinal("message")), Nullable<long>(reader, "run_id"), reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("opened_at")),
                Nullable<DateTimeOffset>(reader, "acknowledged_at"), reader.IsDBNull(reader.GetOrdinal("acknowledged_by")) ? null : reader.GetString(reader.GetOrdinal("acknowledged_by")),
                Nullable<DateTimeOffset>(reader, "snoozed_until"), Nullable<DateTimeOffset>(reader, "resolved_at")));
        }

        return alarms;
    }

    private static T? Nullable<T>(NpgsqlDataReader reader, string column)
        where T : struct
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }
}
