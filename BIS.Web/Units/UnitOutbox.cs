using System.Text.Json;
using BIS.Web.Lookup;
using Npgsql;
using NpgsqlTypes;

namespace BIS.Web.Units;

/// <summary>
/// Writes unit messages inside the caller's transaction, so a message exists if and only if the change that
/// caused it commits. Each message takes the unit's next number under the unit row's lock (gap-free, committed
/// in order) and is announced with NOTIFY in the same transaction: PostgreSQL delivers the notice on commit,
/// never for a rolled-back change.
/// </summary>
public sealed class UnitOutbox(BuildingLookup lookup, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string Channel = "bis_unit_messages";

    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>Units newly on the incident get it whole and are dispatched; units already on it hear who joined.</summary>
    public async Task AssignedAsync(NpgsqlConnection connection, long incidentId, IReadOnlyCollection<string> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        var incident = await IncidentAsync(connection, incidentId, cancellationToken);
        var summary = await SummaryAsync(connection, incident.BuildingId, cancellationToken);
        var hash = CrewDigest.Of(summary).Hash();
        await AppendAsync(connection, added, incidentId, UnitMessageKinds.Assigned, new { incident = incident.View, summary }, cancellationToken);
        var others = incident.View.Units.Except(added, StringComparer.Ordinal).ToList();
        var note = $"{string.Join(", ", added.Order(StringComparer.Ordinal))} assigned";
        await AppendAsync(connection, others, incidentId, UnitMessageKinds.Changed, new { incident = incident.View, summary, changes = new[] { note } }, cancellationToken);

        // The new units are dispatched, and every unit on it now holds this summary.
        await RecordAsync(connection, incidentId, added, UnitStatuses.Dispatched, incident.View.Units, hash, cancellationToken);
    }

    /// <summary>Units taken off hear it and are available again; units still on it hear who left.</summary>
    public async Task UnassignedAsync(NpgsqlConnection connection, long incidentId, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        if (removed.Count == 0)
        {
            return;
        }

        var incident = await IncidentAsync(connection, incidentId, cancellationToken);
        await AppendAsync(connection, removed, incidentId, UnitMessageKinds.Unassigned, new { incident = incident.View, reason = "Unassigned by dispatch" }, cancellationToken);

        if (incident.View.Units.Count == 0)
        {
            await RecordAsync(connection, incidentId, removed, UnitStatuses.Available, [], null, cancellationToken);
            return;
        }

        var summary = await SummaryAsync(connection, incident.BuildingId, cancellationToken);
        var note = $"{string.Join(", ", removed.Order(StringComparer.Ordinal))} unassigned";
        await AppendAsync(connection, incident.View.Units, incidentId, UnitMessageKinds.Changed, new { incident = incident.View, summary, changes = new[] { note } }, cancellationToken);
        await RecordAsync(connection, incidentId, removed, UnitStatuses.Available, incident.View.Units, CrewDigest.Of(summary).Hash(), cancellationToken);
    }

    /// <summary>Every unit on the incident hears it closed and is available again.</summary>
    public async Task ClosedAsync(NpgsqlConnection connection, long incidentId, CancellationToken cancellationToken)
    {
        var incident = await IncidentAsync(connection, incidentId, cancellationToken);
        await AppendAsync(connection, incident.View.Units, incidentId, UnitMessageKinds.Closed, new { incident = incident.View, reason = "Incident closed" }, cancellationToken);

        await RecordAsync(connection, incidentId, incident.View.Units, UnitStatuses.Available, [], null, cancellationToken);
    }

    /// <summary>A summary change for the units given (the caller holds their incident_unit rows locked).</summary>
    public async Task ChangedAsync(
        NpgsqlConnection connection, CurrentIncident incident, JsonElement summary, IReadOnlyCollection<string> units, IReadOnlyList<string> changes, byte[] hash, CancellationToken cancellationToken)
    {
        await AppendAsync(connection, units, incident.View.IncidentId, UnitMessageKinds.Changed, new { incident = incident.View, summary, changes }, cancellationToken);

        await RecordAsync(connection, incident.View.IncidentId, [], null, units, hash, cancellationToken);
    }

    /// <summary>
    /// Appends the same message to each unit's outbox in one statement, the body serialized once. The unit rows are
    /// locked in one order (byte order of the id) by every writer, so two transactions on overlapping units queue
    /// instead of deadlocking; each unit's next number is taken under its lock.
    /// </summary>
    public async Task AppendAsync(NpgsqlConnection connection, IReadOnlyCollection<string> unitIds, long? incidentId, string kind, object body, CancellationToken cancellationToken)
    {
        var units = unitIds.Distinct(StringComparer.Ordinal).ToArray();
        if (units.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"""
            WITH locked AS (SELECT unit_id FROM unit WHERE unit_id = ANY(@units) ORDER BY unit_id COLLATE "C" FOR NO KEY UPDATE),
            next AS (UPDATE unit u SET last_seq = u.last_seq + 1 FROM locked WHERE u.unit_id = locked.unit_id RETURNING u.unit_id, u.last_seq),
            message AS (
                INSERT INTO unit_message (unit_id, seq, incident_id, kind, body)
                SELECT unit_id, last_seq, @incident, @kind, @body FROM next
                RETURNING unit_id, seq)
            SELECT count(pg_notify('{Channel}', unit_id || ':' || seq)) FROM message
            """, connection);
        command.Parameters.AddWithValue("units", units);
        command.Parameters.Add(new NpgsqlParameter("incident", NpgsqlDbType.Bigint) { Value = (object?)incidentId ?? DBNull.Value });
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(body, Json) });
        if (await command.ExecuteScalarAsync(cancellationToken) is not long written || written != units.Length)
        {
            throw new InvalidOperationException($"Not every unit of {string.Join(", ", units)} is on the roster to send a message to.");
        }
    }

    /// <summary>The incident as its units are told about it, read inside the caller's transaction.</summary>
    public static async Task<CurrentIncident> IncidentAsync(NpgsqlConnection connection, long incidentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT i.incident_id, i.building_id, i.incident_type, i.notes, i.address_text, i.opened_at, i.status,
                   coalesce((SELECT array_agg(unit_id ORDER BY assigned_at, unit_id) FROM incident_unit iu WHERE iu.incident_id = i.incident_id), ARRAY[]::text[])
            FROM incident i WHERE i.incident_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"No incident {incidentId}.");
        }

        return new CurrentIncident(
            reader.IsDBNull(1) ? null : reader.GetInt64(1),
            new UnitIncident(reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetFieldValue<string[]>(7)));
    }

    /// <summary>The building's summary as the API serves it, read now on this connection (never a kept answer); null without a building.</summary>
    public async Task<JsonElement> SummaryAsync(NpgsqlConnection connection, long? buildingId, CancellationToken cancellationToken)
    {
        var summary = buildingId is { } id ? await lookup.ReadCurrentAsync(connection, id, cancellationToken) : null;
        return JsonSerializer.SerializeToElement(summary, Json);
    }

    /// <summary>
    /// In one statement: the units of <paramref name="statusOf"/> take <paramref name="status"/>, and the units
    /// <paramref name="holding"/> the summary with <paramref name="hash"/> are remembered to hold it (what the summary
    /// writer compares against). Either list may be empty.
    /// </summary>
    private static async Task RecordAsync(
        NpgsqlConnection connection, long incidentId, IEnumerable<string> statusOf, string? status, IEnumerable<string> holding, byte[]? hash,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH status AS (UPDATE unit SET status = @status, status_at = now() WHERE unit_id = ANY(@statusOf))
            UPDATE incident_unit SET summary_sha256 = @hash WHERE incident_id = @incident AND unit_id = ANY(@holding)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = (object?)status ?? DBNull.Value });
        command.Parameters.AddWithValue("statusOf", statusOf.ToArray());
        command.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Bytea) { Value = (object?)hash ?? DBNull.Value });
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.AddWithValue("holding", holding.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>An incident as its units are told about it, with the building it is on.</summary>
public sealed record CurrentIncident(long? BuildingId, UnitIncident View);
