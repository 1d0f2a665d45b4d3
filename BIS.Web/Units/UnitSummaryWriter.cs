using System.Text.Json;
using BIS.Web.Live;
using Npgsql;

namespace BIS.Web.Units;

/// <summary>
/// Turns a committed feed run into "changed" messages for the units on open incidents at the buildings it
/// changed. Every web node hears <see cref="LiveUpdates.BuildingsChanged"/> and runs this; exactly one
/// message per unit and change comes out because each incident is refreshed in one transaction that locks
/// the incident and its units' rows, reads the summary, and writes only where the hash of what a crew needs
/// differs from the hash last sent: the second node to get the locks finds the hash already current.
/// At start and after the listener reconnected (notices may have been missed) every open incident is swept.
/// </summary>
public sealed class UnitSummaryWriter(
    NpgsqlDataSource dataSource, LiveUpdates updates, UnitOutbox outbox, ILogger<UnitSummaryWriter> logger) : IHostedService
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private long _lastRunHandled;

    /// <summary>The id of the latest feed run whose change this node has finished with (for tests and diagnostics).</summary>
    public long LastRunHandled => Interlocked.Read(ref _lastRunHandled);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        updates.BuildingsChanged += OnBuildingsChangedAsync;
        updates.Resynchronize += SweepAsync;
        // Not awaited: a start must not wait for (or fail on) the database; the sweep logs its own failures.
        _ = Task.Run(SweepAsync, CancellationToken.None);
        await Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        updates.BuildingsChanged -= OnBuildingsChangedAsync;
        updates.Resynchronize -= SweepAsync;
        return Task.CompletedTask;
    }

    private async Task OnBuildingsChangedAsync(BuildingsChanged change)
    {
        await RefreshAsync(change.BuildingIds);
        InterlockedMax(ref _lastRunHandled, change.RunId);
    }

    private Task SweepAsync() => RefreshAsync(null);

    /// <summary>Refreshes each open incident on one of the buildings (null: every open incident).</summary>
    public async Task RefreshAsync(IReadOnlySet<long>? buildingIds)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            foreach (var incidentId in await OpenIncidentsAsync(buildingIds))
            {
                try
                {
                    await RefreshIncidentAsync(incidentId, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    // Left for the next change or sweep; the other incidents still get theirs.
                    logger.LogError(exception, "Could not send the summary change of incident {Incident} to its units", incidentId);
                }
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not read the open incidents to refresh their units' summaries");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<List<long>> OpenIncidentsAsync(IReadOnlySet<long>? buildingIds)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT incident_id FROM incident
            WHERE status = 'open' AND building_id IS NOT NULL AND (@all OR building_id = ANY(@buildings))
              AND EXISTS (SELECT FROM incident_unit iu WHERE iu.incident_id = incident.incident_id)
            ORDER BY incident_id
            """);
        command.Parameters.AddWithValue("all", buildingIds is null);
        command.Parameters.AddWithValue("buildings", buildingIds?.ToArray() ?? []);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task RefreshIncidentAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockIncident = new NpgsqlCommand("SELECT status FROM incident WHERE incident_id = @id FOR UPDATE", connection, transaction))
        {
            lockIncident.Parameters.AddWithValue("id", incidentId);
            if (await lockIncident.ExecuteScalarAsync(cancellationToken) as string != "open")
            {
                return;
            }
        }

        var sentHashes = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        await using (var lockUnits = new NpgsqlCommand(
            "SELECT unit_id, summary_sha256 FROM incident_unit WHERE incident_id = @id ORDER BY unit_id FOR UPDATE", connection, transaction))
        {
            lockUnits.Parameters.AddWithValue("id", incidentId);
            await using var reader = await lockUnits.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sentHashes[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
            }
        }

        var incident = await UnitOutbox.IncidentAsync(connection, incidentId, cancellationToken);
        var summary = await outbox.SummaryAsync(connection, incident.BuildingId, cancellationToken);
        var digest = CrewDigest.Of(summary);
        var hash = digest.Hash();
        var due = sentHashes.Where(h => h.Value is null || !h.Value.AsSpan().SequenceEqual(hash)).Select(h => h.Key).ToList();
        if (due.Count == 0)
        {
            return;
        }

        // Each unit is told what changed since what it was last sent (units may have joined at different times).
        var before = await LastSentSummariesAsync(connection, incidentId, due, cancellationToken);
        foreach (var group in due.GroupBy(unit => string.Join('\n', Changes(digest, before.GetValueOrDefault(unit))), StringComparer.Ordinal))
        {
            var units = group.ToList();
            var changes = Changes(digest, before.GetValueOrDefault(units[0]));
            await outbox.ChangedAsync(connection, incident, summary, units, changes, hash, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Incident {Incident}: summary change sent to {Units}", incidentId, string.Join(", ", due));
    }

    private static IReadOnlyList<string> Changes(CrewDigest now, CrewDigest? before) =>
        now.ChangesSince(before ?? CrewDigest.Empty) is { Count: > 0 } changes ? changes : ["Building summary updated"];

    private static async Task<Dictionary<string, CrewDigest>> LastSentSummariesAsync(
        NpgsqlConnection connection, long incidentId, IReadOnlyList<string> units, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT ON (unit_id) unit_id, (body -> 'summary')::text FROM unit_message
            WHERE incident_id = @incident AND unit_id = ANY(@units) AND kind IN ('assigned', 'changed')
            ORDER BY unit_id, seq DESC
            """, connection);
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.AddWithValue("units", units.ToArray());
        var digests = new Dictionary<string, CrewDigest>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1))
            {
                using var document = JsonDocument.Parse(reader.GetString(1));
                digests[reader.GetString(0)] = CrewDigest.Of(document.RootElement);
            }
        }

        return digests;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
