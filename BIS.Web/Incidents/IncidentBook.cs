using System.Security.Claims;
using BIS.Ingest.Database;
using BIS.Web.Live;
using BIS.Web.Units;
using Npgsql;

namespace BIS.Web.Incidents;

/// <summary>
/// Opens, lists and closes incidents and assigns units to them. Plain SQL against the store. Every change a
/// unit must hear of is written to its outbox in the same transaction (<see cref="UnitOutbox"/>).
/// </summary>
public sealed class IncidentBook(NpgsqlDataSource dataSource, DatabaseRetry retry, UnitOutbox outbox)
{
    public const int MaxNotesLength = 2000;

    public Task<Incident> OpenAsync(long buildingId, string type, string? notes, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OpenAsync(buildingId, type, notes, [], user, cancellationToken);

    /// <summary>
    /// Opens an incident and assigns its first units in one transaction: either it is open with all of them (and
    /// they have their messages) or nothing happened, never an incident left open without the units asked for.
    /// </summary>
    public async Task<Incident> OpenAsync(
        long buildingId, string type, string? notes, IReadOnlyCollection<string> unitIds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!IncidentTypes.All.Contains(type))
        {
            throw new IncidentRequestException($"Unknown incident type '{Shorten(type)}'. Use one of: {string.Join(", ", IncidentTypes.All)}.", "type");
        }

        // A NUL (pasted from some CAD screens) is invisible, and PostgreSQL text cannot hold one.
        notes = (notes ?? "").Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
        if (notes.Length > MaxNotesLength)
        {
            throw new IncidentRequestException($"Notes are limited to {MaxNotesLength} characters.", "notes");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var command = new NpgsqlCommand(
            """
            INSERT INTO incident (building_id, address_text, incident_type, notes, opened_by)
            SELECT building_id, coalesce(address_text, address_key, parcel_id), @type, @notes, @by FROM building WHERE building_id = @building
            RETURNING incident_id
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("building", buildingId);
            command.Parameters.AddWithValue("type", type);
            command.Parameters.AddWithValue("notes", notes);
            command.Parameters.AddWithValue("by", Actor(user));
            id = await command.ExecuteScalarAsync(cancellationToken) as long?
                ?? throw new IncidentRequestException($"No building {buildingId}.", "building");
        }

        if (unitIds.Count > 0)
        {
            await AddUnitsAsync(connection, transaction, id, unitIds, user, cancellationToken);
        }

        return await FinishAsync(connection, transaction, id, cancellationToken);
    }

    /// <summary>Assigns units that are in service and not already on another open incident.</summary>
    public Task<Incident> AssignAsync(long incidentId, IReadOnlyCollection<string> unitIds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeOpenAsync(incidentId, (connection, transaction) => AddUnitsAsync(connection, transaction, incidentId, unitIds, user, cancellationToken), cancellationToken);

    /// <summary>Takes units off an open incident; a unit that was not on it is named, not ignored.</summary>
    public Task<Incident> UnassignAsync(long incidentId, IReadOnlyCollection<string> unitIds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeOpenAsync(incidentId, async (connection, transaction) =>
        {
            var removed = new List<string>();
            await using (var delete = new NpgsqlCommand(
                "DELETE FROM incident_unit WHERE incident_id = @incident AND unit_id = ANY(@units) RETURNING unit_id", connection, transaction))
            {
                delete.Parameters.AddWithValue("incident", incidentId);
                delete.Parameters.AddWithValue("units", unitIds.ToArray());
                await using var reader = await delete.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    removed.Add(reader.GetString(0));
                }
            }

            if (unitIds.Except(removed, StringComparer.Ordinal).ToList() is { Count: > 0 } notThere)
            {
                throw new IncidentRequestException($"Not on incident {incidentId}: {string.Join(", ", notThere.Select(Shorten))}.", "units");
            }

            await outbox.UnassignedAsync(connection, incidentId, removed, cancellationToken);
        }, cancellationToken);

    /// <summary>Closes an open incident; its units hear it and are available again. Returns it as closed.</summary>
    public Task<Incident> CloseAsync(long incidentId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ChangeOpenAsync(incidentId, async (connection, transaction) =>
        {
            await using (var command = new NpgsqlCommand(
                "UPDATE incident SET status = 'closed', closed_at = now(), closed_by = @by WHERE incident_id = @id", connection, transaction))
            {
                command.Parameters.AddWithValue("id", incidentId);
                command.Parameters.AddWithValue("by", Actor(user));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await outbox.ClosedAsync(connection, incidentId, cancellationToken);
        }, cancellationToken);

    /// <summary>One change to an open incident: its row locked for the transaction, the change, then <see cref="FinishAsync"/>.</summary>
    private async Task<Incident> ChangeOpenAsync(long incidentId, Func<NpgsqlConnection, NpgsqlTransaction, Task> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockOpenAsync(incidentId, connection, transaction, cancellationToken);
        await change(connection, transaction);
        return await FinishAsync(connection, transaction, incidentId, cancellationToken);
    }

    /// <summary>Checks and adds the units inside the caller's transaction (the incident row is the caller's), with their messages.</summary>
    private async Task AddUnitsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long incidentId, IReadOnlyCollection<string> unitIds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // First the units' rows, locked in the order every outbox writer uses: a second dispatcher sending the same unit
        // waits here, then (the check is a statement of its own, so it reads after the wait) finds the unit busy.
        await using (var check = new NpgsqlBatch(connection, transaction))
        {
            var lockUnits = new NpgsqlBatchCommand(
                """SELECT count(*) FROM (SELECT unit_id FROM unit WHERE unit_id = ANY(@units) ORDER BY unit_id COLLATE "C" FOR NO KEY UPDATE) locked""");
            lockUnits.Parameters.AddWithValue("units", unitIds.ToArray());
            var availability = new NpgsqlBatchCommand(
                """
                SELECT wanted.unit_id, u.unit_id IS NOT NULL, coalesce(u.in_service, false), busy.incident_id
                FROM unnest(@units::text[]) WITH ORDINALITY AS wanted(unit_id, n)
                LEFT JOIN unit u ON u.unit_id = wanted.unit_id
                LEFT JOIN LATERAL (SELECT iu.incident_id FROM incident_unit iu JOIN incident i USING (incident_id)
                                   WHERE iu.unit_id = wanted.unit_id AND i.status = 'open' AND i.incident_id <> @incident LIMIT 1) busy ON true
                ORDER BY wanted.n
                """);
            availability.Parameters.AddWithValue("incident", incidentId);
            availability.Parameters.AddWithValue("units", unitIds.ToArray());
            check.BatchCommands.Add(lockUnits);
            check.BatchCommands.Add(availability);
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var problems = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var wanted = reader.GetString(0);
                if (!reader.GetBoolean(1))
                {
                    problems.Add($"no unit '{Shorten(wanted)}'");
                }
                else if (!reader.GetBoolean(2))
                {
                    problems.Add($"{wanted} is out of service");
                }
                else if (!reader.IsDBNull(3))
                {
                    problems.Add($"{wanted} is on incident {reader.GetInt64(3)}");
                }
            }

            if (problems.Count > 0)
            {
                throw new IncidentRequestException("Not assigned: " + string.Join("; ", problems) + ".", "units");
            }
        }

        var added = new List<string>();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO incident_unit (incident_id, unit_id, assigned_by)
            SELECT @incident, unit_id, @by FROM unnest(@units::text[]) AS u(unit_id)
            ON CONFLICT DO NOTHING
            RETURNING unit_id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("incident", incidentId);
            insert.Parameters.AddWithValue("units", unitIds.ToArray());
            insert.Parameters.AddWithValue("by", Actor(user));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                added.Add(reader.GetString(0));
            }
        }

        await outbox.AssignedAsync(connection, incidentId, added, cancellationToken);
    }

    public async Task<Incident?> GetAsync(long incidentId, CancellationToken cancellationToken) =>
        (await ListAsync("i.incident_id = @id", incidentId, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Incident>> OpenIncidentsAsync(CancellationToken cancellationToken) =>
        ListAsync("i.status = 'open'", null, cancellationToken);

    public Task<IReadOnlyList<Unit>> UnitsAsync(CancellationToken cancellationToken) => retry.IdempotentAsync(ct => ReadUnitsAsync(null, ct), cancellationToken);

    /// <summary>Only the units named: a CAD request checks its three units, not a roster of a thousand.</summary>
    public Task<IReadOnlyList<Unit>> UnitsAsync(IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken) =>
        retry.IdempotentAsync(ct => ReadUnitsAsync(unitIds, ct), cancellationToken);

    private async Task<IReadOnlyList<Unit>> ReadUnitsAsync(IReadOnlyCollection<string>? only, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT u.unit_id, u.name, u.kind, u.station, u.capabilities, u.in_service,
                   (SELECT iu.incident_id FROM incident_unit iu JOIN incident i USING (incident_id)
                    WHERE iu.unit_id = u.unit_id AND i.status = 'open' LIMIT 1)
            FROM unit u {(only is null ? "" : "WHERE u.unit_id = ANY(@only)")} ORDER BY u.kind, u.unit_id
            """);
        if (only is not null)
        {
            command.Parameters.AddWithValue("only", only.ToArray());
        }

        var units = new List<Unit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new Unit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<string[]>(4), reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }

        return units;
    }

    private Task<IReadOnlyList<Incident>> ListAsync(string where, long? id, CancellationToken cancellationToken) =>
        retry.IdempotentAsync(ct => ReadListAsync(where, id, ct), cancellationToken);

    /// <summary>An incident with its units, as every reader here takes it; <c>{where}</c> picks the rows.</summary>
    private const string IncidentSql =
        """
        SELECT i.incident_id, i.building_id, i.address_text, i.incident_type, i.notes, i.status, i.opened_at, i.opened_by,
               coalesce((SELECT array_agg(unit_id ORDER BY assigned_at, unit_id) FROM incident_unit iu WHERE iu.incident_id = i.incident_id), ARRAY[]::text[]) AS units
        FROM incident i WHERE {where}
        """;

    private async Task<IReadOnlyList<Incident>> ReadListAsync(string where, long? id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            IncidentSql.Replace("{where}", where, StringComparison.Ordinal) + " ORDER BY i.opened_at DESC, i.incident_id DESC LIMIT 200");
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }

        var incidents = new List<Incident>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            incidents.Add(ReadIncident(reader, 0));
        }

        return incidents;
    }

    /// <summary>The columns of <see cref="IncidentSql"/>, from column <paramref name="first"/> on.</summary>
    private static Incident ReadIncident(NpgsqlDataReader reader, int first) =>
        new(reader.GetInt64(first), reader.IsDBNull(first + 1) ? null : reader.GetInt64(first + 1), reader.GetString(first + 2),
            reader.GetString(first + 3), reader.GetString(first + 4), reader.GetString(first + 5), reader.GetFieldValue<DateTimeOffset>(first + 6),
            reader.GetString(first + 7), reader.GetFieldValue<string[]>(first + 8));

    /// <summary>Locks the incident row for the rest of the transaction, or says it is not open.</summary>
    private static async Task LockOpenAsync(long incidentId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var status = new NpgsqlCommand("SELECT status FROM incident WHERE incident_id = @incident FOR UPDATE", connection, transaction);
        status.Parameters.AddWithValue("incident", incidentId);
        if (await status.ExecuteScalarAsync(cancellationToken) as string != "open")
        {
            throw new IncidentRequestException($"Incident {incidentId} is not open.");
        }
    }

    /// <summary>
    /// Tells every web node's listener (ours included) that the incident board changed, reads the incident as it now
    /// stands (one round trip) and commits. The notice is sent inside the transaction: PostgreSQL delivers it on
    /// commit, so a board never re-reads before the change is there.
    /// </summary>
    private static async Task<Incident> FinishAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long incidentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT pg_notify('{DatabaseChangeListener.IncidentsChannel}', ''), i.*
            FROM ({IncidentSql.Replace("{where}", "i.incident_id = @id", StringComparison.Ordinal)}) i
            """, connection, transaction);
        command.Parameters.AddWithValue("id", incidentId);
        Incident? incident = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                incident = ReadIncident(reader, 1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return incident ?? throw new InvalidOperationException($"Incident {incidentId} vanished inside its own transaction.");
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
