using Npgsql;

namespace BIS.Web.Units;

public sealed record UnitDelivery(
    long IncidentId, string UnitId, long Seq, string Kind, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, DateTimeOffset? ReceivedAt, DateTimeOffset? ShownAt, string UnitStatus);

/// <summary>For the dispatcher: per unit on an incident, its latest message about it and how far it got (sent, received, shown).</summary>
public sealed class UnitDeliveries(NpgsqlDataSource dataSource)
{
    public Task<IReadOnlyList<UnitDelivery>> ForIncidentAsync(long incidentId, CancellationToken cancellationToken) =>
        ReadAsync("d.incident_id = @incident", incidentId, cancellationToken);

    public Task<IReadOnlyList<UnitDelivery>> ForOpenIncidentsAsync(CancellationToken cancellationToken) =>
        ReadAsync("d.incident_id IN (SELECT incident_id FROM incident WHERE status = 'open')", null, cancellationToken);

    private async Task<IReadOnlyList<UnitDelivery>> ReadAsync(string where, long? incidentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT d.incident_id, d.unit_id, d.seq, d.kind, d.created_at, d.sent_at, d.received_at, d.shown_at, u.status
            FROM unit_delivery d JOIN unit u USING (unit_id)
            WHERE {where}
            ORDER BY d.incident_id, d.unit_id
            """);
        if (incidentId is { } id)
        {
            command.Parameters.AddWithValue("incident", id);
        }

        var deliveries = new List<UnitDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new UnitDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), Time(reader, 5), Time(reader, 6), Time(reader, 7), reader.GetString(8)));
        }

        return deliveries;
    }

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
