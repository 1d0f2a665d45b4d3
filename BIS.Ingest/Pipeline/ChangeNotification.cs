using System.Text.Json;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// Announces the buildings a run changed with NOTIFY (delivered only when the run commits). Payloads
/// are capped at 8000 bytes by PostgreSQL, so large runs send the run id and the listener reads the
/// ids from run_changed_building. A run that changed records but no building's hazards still sends
/// one, with no ids: the flags are the same, but lists read from the records (open violations, prior
/// fires, hydrants nearby) are not, and the web nodes keep lookup answers until they are told.
/// </summary>
public static class ChangeNotification
{
    public const int MaxIdsInPayload = 400;

    public sealed record Payload(long RunId, string Feed, int Count, IReadOnlyList<long>? BuildingIds);

    public static async Task SendAsync(
        NpgsqlConnection connection, string channel, long runId, string feed, IReadOnlyList<long> buildingIds, long changedRecords, CancellationToken cancellationToken)
    {
        if (buildingIds.Count == 0 && changedRecords == 0)
        {
            return;
        }

        var payload = new Payload(runId, feed, buildingIds.Count, buildingIds.Count <= MaxIdsInPayload ? buildingIds : null);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(payload, RecordJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
