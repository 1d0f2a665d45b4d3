using System.Text.Json.Nodes;
using Npgsql;

namespace BIS.Web.Lookup;

/// <summary>
/// The lists on a building's card besides its flags: nearest hydrants, the other addresses it answers
/// to, prior fire incidents and open violations. Read in one round trip (a batch) after the summary row.
/// </summary>
internal static class BuildingDetails
{
    private const int InServiceHydrants = 3;
    private const int MaxListed = 25;

    public static async Task<BuildingSummary> AddToAsync(BuildingSummary summary, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command(NearestHydrantsSql, summary.BuildingId, ("count", InServiceHydrants)),
                Command(AliasesSql, summary.BuildingId, ("max", MaxListed)),
                Command(RecordsSql, summary.BuildingId, ("max", MaxListed)),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var hydrants = new List<HydrantView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hydrants.Add(new HydrantView(
                reader.GetString(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), Math.Round(reader.GetDouble(4), 1), reader.GetDouble(5), reader.GetDouble(6)));
        }

        await reader.NextResultAsync(cancellationToken);
        var aliases = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            aliases.Add(reader.GetString(0));
        }

        await reader.NextResultAsync(cancellationToken);
        var incidents = new List<PriorIncidentView>();
        var violations = new List<OpenViolationView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var attrs = JsonNode.Parse(reader.GetString(2));
            if (reader.GetString(0) == "fire-incidents")
            {
                incidents.Add(new PriorIncidentView(reader.GetString(1), Text(attrs, "alarmDate")));
            }
            else
            {
                violations.Add(new OpenViolationView(reader.GetString(1), Text(attrs, "code"), Text(attrs, "description"),
                    DateTimeOffset.TryParse(Text(attrs, "statusDate"), out var at) ? at : null));
            }
        }

        return summary with
        {
            NearestHydrants = hydrants,
            Aliases = aliases.Where(a => !string.Equals(a, summary.Address, StringComparison.Ordinal)).ToList(),
            PriorIncidents = incidents,
            OpenViolations = violations,
        };
    }

    private static string? Text(JsonNode? attrs, string name) => attrs?[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? attrs[name]!.GetValue<string>() : null;

    private static NpgsqlBatchCommand Command(string sql, long buildingId, (string Name, int Value) extra) =>
        new(sql) { Parameters = { new NpgsqlParameter("id", buildingId), new NpgsqlParameter(extra.Name, extra.Value) } };

    // The nearest in service, plus any out-of-service one closer than the last of those, so crews are warned.
    private const string NearestHydrantsSql =
        """
        WITH b AS (SELECT location FROM building WHERE building_id = @id AND location IS NOT NULL),
        near AS (
            SELECT h.hydrant_id, h.in_service, h.attrs ->> 'flowClass' AS flow_class, (h.attrs ->> 'flowGpm')::int AS gpm,
                   ST_Distance(h.location::geography, b.location::geography) AS meters, ST_Y(h.location) AS lat, ST_X(h.location) AS lon
            FROM b CROSS JOIN LATERAL (SELECT * FROM hydrant h ORDER BY h.location <-> b.location LIMIT 12) h
        ), served AS (
            SELECT * FROM near WHERE in_service ORDER BY meters LIMIT @count
        )
        SELECT * FROM served
        UNION ALL
        SELECT * FROM near WHERE NOT in_service AND meters <= coalesce((SELECT max(meters) FROM served), 1e9)
        ORDER BY meters
        """;

    private const string AliasesSql =
        """
        SELECT DISTINCT address_text FROM building_address WHERE building_id = @id ORDER BY address_text LIMIT @max
        """;

    // Newest first; closed violations are history, not something a crew needs at the door.
    private const string RecordsSql =
        """
        (SELECT feed, record_id, attrs::text FROM feed_record
         WHERE building_id = @id AND feed = 'fire-incidents'
         ORDER BY attrs ->> 'alarmDate' DESC NULLS LAST LIMIT @max)
        UNION ALL
        (SELECT feed, record_id, attrs::text FROM feed_record
         WHERE building_id = @id AND feed = 'violations' AND attrs ->> 'status' = 'Open'
         ORDER BY attrs ->> 'statusDate' DESC NULLS LAST LIMIT @max)
        """;
}
