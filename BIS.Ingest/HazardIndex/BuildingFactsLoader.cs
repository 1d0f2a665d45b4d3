using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using BIS.Ingest.Pipeline;
using Npgsql;

namespace BIS.Ingest.HazardIndex;

/// <summary>
/// Reads, for every building in the temp table <c>touched</c>, its assessing record, its linked
/// records of every feed and the hydrants around it — three set-based queries, not one per building.
/// </summary>
internal sealed class BuildingFactsLoader(Func<FeedKind, string> sourceName)
{
    public async Task<Dictionary<long, BuildingFacts>> LoadAsync(NpgsqlConnection connection, double hydrantRadiusMeters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var builders = new Dictionary<long, FactsBuilder>();
        FactsBuilder For(long id) => builders.TryGetValue(id, out var b) ? b : builders[id] = new FactsBuilder(id);

        await using (var command = new NpgsqlCommand(
            "SELECT b.building_id, b.parcel_id, b.attrs::text, b.as_of, b.location IS NOT NULL FROM touched t JOIN building b ON b.building_id = t.building_id",
            connection) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var name = sourceName(FeedKind.Assessing);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = RecordJson.Deserialize<ParcelRecord>(reader.GetString(2));
                var builder = For(reader.GetInt64(0));
                builder.Parcel = new SourceFact<ParcelRecord>(record, reader.GetString(1), name, AsOf(reader, 3));
                builder.Located = reader.GetBoolean(4);
            }
        }

        await using (var command = new NpgsqlCommand(
            """
            SELECT f.building_id, f.feed, f.record_id, f.attrs::text, f.as_of
            FROM touched t JOIN feed_record f ON f.building_id = t.building_id
            ORDER BY f.building_id, f.feed, f.record_id
            """, connection) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (builders.TryGetValue(reader.GetInt64(0), out var builder) && FeedKindNames.TryParse(reader.GetString(1), out var feed))
                {
                    builder.Add(feed, reader.GetString(2), reader.GetString(3), sourceName(feed), AsOf(reader, 4));
                }
            }
        }

        // Kept up to date by the assessing and hydrant merges (building_hydrant). Each hydrant is read
        // once, however many buildings it serves.
        var hydrants = new Dictionary<string, (HydrantRecord Record, DateTimeOffset? AsOf)>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            """
            SELECT h.hydrant_id, h.attrs::text, h.as_of FROM hydrant h
            WHERE h.hydrant_id IN (SELECT bh.hydrant_id FROM touched t JOIN building_hydrant bh ON bh.building_id = t.building_id)
            """, connection) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                hydrants[reader.GetString(0)] = (RecordJson.Deserialize<HydrantRecord>(reader.GetString(1)), AsOf(reader, 2));
            }
        }

        await using (var command = new NpgsqlCommand(
            "SELECT bh.building_id, bh.hydrant_id, bh.meters FROM touched t JOIN building_hydrant bh ON bh.building_id = t.building_id",
            connection) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var name = sourceName(FeedKind.Hydrants);
            while (await reader.ReadAsync(cancellationToken))
            {
                var meters = reader.GetDouble(2);
                if (meters <= hydrantRadiusMeters && builders.TryGetValue(reader.GetInt64(0), out var builder)
                    && hydrants.TryGetValue(reader.GetString(1), out var hydrant))
                {
                    builder.Hydrants.Add(new NearbyHydrant(hydrant.Record, meters, name, hydrant.AsOf));
                }
            }
        }

        var search = await HydrantLayerAsync(connection, cancellationToken);
        return builders.ToDictionary(p => p.Key, p => p.Value.Build(now, p.Value.Located ? search : null));
    }

    /// <summary>
    /// The hydrant layer as loaded (null until it has loaded once): what an empty search cites. It is the
    /// run that last wrote a hydrant, as this transaction sees the table, so a run indexing inside the
    /// same transaction as the hydrants load (its own, or a joint load's) cites that load, not the one before.
    /// </summary>
    private async Task<HydrantLayerSearch?> HydrantLayerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT r.run_id, r.started_at FROM feed_run r WHERE r.run_id = (SELECT max(updated_run_id) FROM hydrant)",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new HydrantLayerSearch(sourceName(FeedKind.Hydrants), $"hydrants run {reader.GetInt64(0)}", AsOf(reader, 1))
            : null;
    }

    private static DateTimeOffset? AsOf(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private sealed class FactsBuilder(long buildingId)
    {
        public SourceFact<ParcelRecord>? Parcel { get; set; }
        public bool Located { get; set; }
        public List<NearbyHydrant> Hydrants { get; } = [];
        private readonly List<SourceFact<PermitRecord>> _permits = [];
        private readonly List<SourceFact<ViolationRecord>> _violations = [];
        private readonly List<SourceFact<HazmatPermitRecord>> _hazmat = [];
        private readonly List<SourceFact<FireIncidentRecord>> _incidents = [];
        private readonly List<SourceFact<InspectionRecord>> _inspections = [];

        public void Add(FeedKind feed, string recordId, string json, string source, DateTimeOffset? asOf)
        {
            switch (feed)
            {
                case FeedKind.BuildingPermits: _permits.Add(new(RecordJson.Deserialize<PermitRecord>(json), recordId, source, asOf)); break;
                case FeedKind.Violations: _violations.Add(new(RecordJson.Deserialize<ViolationRecord>(json), recordId, source, asOf)); break;
                case FeedKind.HazmatPermits: _hazmat.Add(new(RecordJson.Deserialize<HazmatPermitRecord>(json), recordId, source, asOf)); break;
                case FeedKind.FireIncidents: _incidents.Add(new(RecordJson.Deserialize<FireIncidentRecord>(json), recordId, source, asOf)); break;
                case FeedKind.Inspections: _inspections.Add(new(RecordJson.Deserialize<InspectionRecord>(json), recordId, source, asOf)); break;
                default: break;
            }
        }

        public BuildingFacts Build(DateTimeOffset now, HydrantLayerSearch? hydrantSearch) => new()
        {
            BuildingId = buildingId,
            Parcel = Parcel,
            Permits = _permits,
            Violations = _violations,
            HazmatPermits = _hazmat,
            FireIncidents = _incidents,
            Inspections = _inspections,
            Hydrants = Hydrants.OrderBy(h => h.DistanceMeters).ThenBy(h => h.Hydrant.HydrantId, StringComparer.Ordinal).ToList(),
            HydrantSearch = hydrantSearch,
            Now = now,
        };
    }
}
