using BIS.Ingest.Database;
using Npgsql;

namespace BIS.Web.Cad;

/// <summary>
/// A unit as CAD sees it. <see cref="Status"/> is the unit's own (migration 0019: available, dispatched, enroute,
/// onscene; assignment sets dispatched, the tablet the rest) since <see cref="StatusAt"/>; a unit out of service
/// says so in <see cref="InService"/> whatever its last status.
/// </summary>
public sealed record CadUnitView(string UnitId, string Name, string Kind, string Station, IReadOnlyList<string> Capabilities, bool InService,
    string Status, DateTimeOffset? StatusAt, long? IncidentId);

/// <summary>Where a unit's latest message about the incident got to: sent to its tablet, stored there, shown to the crew.</summary>
public sealed record CadDelivery(long Seq, string Kind, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? ReceivedAt, DateTimeOffset? ShownAt);

/// <summary>A unit on an incident, with its delivery (null until the outbox has a message for it).</summary>
public sealed record CadIncidentUnit(string UnitId, string Name, string Status, DateTimeOffset? StatusAt, CadDelivery? Delivery);

/// <summary>The roster with each unit's status, read with plain SQL for the CAD API.</summary>
public sealed class CadUnits(NpgsqlDataSource dataSource, DatabaseRetry retry)
{
    public Task<IReadOnlyList<CadUnitView>> ListAsync(CancellationToken cancellationToken) => retry.IdempotentAsync(ReadAsync, cancellationToken);

    private async Task<IReadOnlyList<CadUnitView>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT u.unit_id, u.name, u.kind, u.station, u.capabilities, u.in_service, u.status, u.status_at,
                   (SELECT iu.incident_id FROM incident_unit iu JOIN incident i USING (incident_id)
                    WHERE iu.unit_id = u.unit_id AND i.status = 'open' LIMIT 1)
            FROM unit u ORDER BY u.kind, u.unit_id
            """);
        var units = new List<CadUnitView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new CadUnitView(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<string[]>(4), reader.GetBoolean(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetInt64(8)));
        }

        return units;
    }
}
