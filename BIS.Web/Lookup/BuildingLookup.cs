using System.Text.Json;
using System.Text.Json.Nodes;
using BIS.Domain.Addresses;
using BIS.Domain.Hazards;
using BIS.Ingest.Database;
using BIS.Ingest.Freshness;
using BIS.Ingest.Pipeline;
using BIS.Web.Metrics;
using Npgsql;

namespace BIS.Web.Lookup;

/// <summary>
/// Read-only queries against the hazard index: by building id, by address text, by point. Each is tried
/// again on a lost connection (<see cref="DatabaseRetry"/>), so the first lookups after PostgreSQL restarts
/// are answered instead of failing on the pool's dead connections.
/// </summary>
public sealed class BuildingLookup(
    [FromKeyedServices(LookupDataSource.Key)] NpgsqlDataSource dataSource, FeedFreshness freshness, LookupCaches caches, TimeProvider time, DatabaseRetry retry,
    LookupLatency latency)
{
    public const int MaxQueryLength = 200;

    /// <summary>The building's summary, its STALE marks and data ages as of now; null when there is no such building.</summary>
    public async Task<BuildingSummary?> GetAsync(long buildingId, CancellationToken cancellationToken)
    {
        using var measured = latency.Measure("building");
        var feeds = await caches.Freshness.GetOrReadAsync("feeds", async ct => await freshness.ReadAsync(ct), cancellationToken)
            ?? throw new InvalidOperationException("Feed freshness could not be read.");
        var summary = await caches.Summaries.GetOrReadAsync(buildingId, ct => retry.IdempotentAsync(c => ReadAsync(buildingId, feeds, c), ct), cancellationToken);
        if (summary is null)
        {
            return null;
        }

        // A kept summary is reused across requests; only what depends on the clock is worked out again.
        var now = time.GetUtcNow();
        return summary with { Flags = summary.Flags.Select(view => ViewOf(view.Flag, feeds, now)).ToList(), Feeds = feeds.Values.ToList() };
    }

    /// <summary>
    /// The summary as the index holds it now, read on the caller's connection (inside its transaction) and never
    /// from the kept answers: what is pushed to a unit must be what the change that caused the push committed.
    /// </summary>
    public async Task<BuildingSummary?> ReadCurrentAsync(NpgsqlConnection connection, long buildingId, CancellationToken cancellationToken)
    {
        var feeds = await caches.Freshness.GetOrReadAsync("feeds", async ct => await freshness.ReadAsync(ct), cancellationToken)
            ?? throw new InvalidOperationException("Feed freshness could not be read.");
        return await ReadOnAsync(connection, buildingId, feeds, cancellationToken);
    }

    private async Task<BuildingSummary?> ReadAsync(long buildingId, IReadOnlyDictionary<string, FeedFreshnessEntry> feeds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadOnAsync(connection, buildingId, feeds, cancellationToken);
    }

    private async Task<BuildingSummary?> ReadOnAsync(NpgsqlConnection connection, long buildingId, IReadOnlyDictionary<string, FeedFreshnessEntry> feeds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT b.building_id, b.parcel_id, coalesce(b.address_text, b.address_key), b.zip, b.attrs::text,
                   ST_Y(b.location), ST_X(b.location), ST_AsGeoJSON(b.footprint, 7),
                   coalesce(h.max_severity, 0), coalesce(h.flags, '[]')::text, coalesce(h.recommendations, '[]')::text,
                   h.source_as_of::text, h.updated_at
            FROM building b LEFT JOIN hazard_index h ON h.building_id = b.building_id
            WHERE b.building_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", buildingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var flags = JsonSerializer.Deserialize<List<HazardFlag>>(reader.GetString(9), RecordJson.Options) ?? [];
        var summary = new BuildingSummary
        {
            BuildingId = reader.GetInt64(0),
            ParcelId = reader.GetString(1),
            Address = reader.IsDBNull(2) ? null : reader.GetString(2),
            Zip = reader.IsDBNull(3) ? null : reader.GetString(3),
            Parcel = Settled(JsonNode.Parse(reader.GetString(4))),
            Latitude = reader.IsDBNull(5) ? null : reader.GetDouble(5),
            Longitude = reader.IsDBNull(6) ? null : reader.GetDouble(6),
            Footprint = reader.IsDBNull(7) ? null : Settled(JsonNode.Parse(reader.GetString(7))),
            MaxSeverity = (Severity)reader.GetInt16(8),
            Flags = flags.Select(f => ViewOf(f, feeds, time.GetUtcNow())).ToList(),
            Recommendations = JsonSerializer.Deserialize<List<EquipmentRecommendation>>(reader.GetString(10), RecordJson.Options) ?? [],
            SourceAsOf = reader.IsDBNull(11) ? null : Settled(JsonNode.Parse(reader.GetString(11))),
            IndexedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
            NearestHydrants = [],
            Feeds = feeds.Values.ToList(),
        };
        await reader.CloseAsync();
        return await BuildingDetails.AddToAsync(summary, connection, cancellationToken);
    }

    /// <summary>Candidates for an address (or an owner or business name) typed by a person or sent by CAD, best first.</summary>
    public async Task<IReadOnlyList<BuildingCandidate>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        using var measured = latency.Measure("search");
        // Control characters are no part of an address, and PostgreSQL text cannot hold a NUL: they count as spaces.
        if (text.Any(char.IsControl))
        {
            text = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var key = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant() + "|" + limit;
        return await caches.Searches.GetOrReadAsync(key, ct => retry.IdempotentAsync(c => SearchUncachedAsync(text, limit, c), ct), cancellationToken) ?? [];
    }

    private async Task<IReadOnlyList<BuildingCandidate>?> SearchUncachedAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var address = AddressNormalizer.Normalize(text);
        await using var command = dataSource.CreateCommand(
            """
            WITH exact AS (
                SELECT a.building_id, 'address' AS matched_by,
                       CASE WHEN a.number_low = @low AND a.number_high = @high THEN 1.0
                            WHEN a.number_low = @low THEN 0.95 ELSE 0.9 END AS score
                FROM building_address a
                WHERE @street::text IS NOT NULL AND a.street = @street
                  AND (@low::int IS NULL OR (a.number_low <= @high AND @low <= a.number_high
                       -- The side of the street, as linkage keeps it (NormalizedAddress.SharesNumberWith): "108-110"
                       -- is not an exact hit on 109; a mixed range ("24-29") reaches both sides.
                       AND NOT (@low % 2 = @high % 2 AND a.number_low % 2 = a.number_high % 2 AND @low % 2 <> a.number_low % 2)))
                  AND (@zip::text IS NULL OR a.zip IS NULL OR a.zip = @zip)
            ), numbered AS (
                -- Only without an exact match (which is the answer; near spellings would crowd it): the
                -- street is mistyped or its type left out, and the number is usually right, so only
                -- the addresses at that number are compared (index on the number range).
                SELECT a.building_id, 'similar address' AS matched_by, similarity(a.address_key, @key) * 0.8 AS score
                FROM building_address a
                WHERE @low::int IS NOT NULL AND NOT EXISTS (SELECT FROM exact)
                  AND a.number_low IS NOT NULL AND int4range(a.number_low, a.number_high, '[]') && int4range(@low, @high, '[]')
                  AND similarity(a.address_key, @key) >= 0.3
                ORDER BY score DESC
                LIMIT 50
            ), fuzzy AS (
                -- Nothing good at that number either (or no number): every address, by trigram.
                SELECT a.building_id, 'similar address' AS matched_by, similarity(a.address_key, @key) * 0.8 AS score
                FROM building_address a
                WHERE NOT EXISTS (SELECT FROM exact) AND NOT EXISTS (SELECT FROM numbered WHERE score >= 0.5 * 0.8)
                  AND a.address_key % @key
                ORDER BY a.address_key <-> @key
                LIMIT 50
            ), owner AS (
                SELECT b.building_id, 'owner: ' || (b.attrs ->> 'owner') AS matched_by, word_similarity(@name, b.attrs ->> 'owner') * 0.85 AS score
                FROM building b
                WHERE @by_name AND @name <% (b.attrs ->> 'owner')
                ORDER BY score DESC
                LIMIT 20
            ), business AS (
                SELECT r.building_id, 'business: ' || (r.attrs ->> 'businessName'), word_similarity(@name, r.attrs ->> 'businessName') * 0.85
                FROM feed_record r
                WHERE @by_name AND r.attrs ? 'businessName' AND r.building_id IS NOT NULL AND @name <% (r.attrs ->> 'businessName')
                ORDER BY 3 DESC
                LIMIT 20
            ), best AS (
                SELECT DISTINCT ON (building_id) building_id, matched_by, score
                FROM (SELECT * FROM exact UNION ALL SELECT * FROM numbered UNION ALL SELECT * FROM fuzzy UNION ALL SELECT * FROM owner UNION ALL SELECT * FROM business) c
                ORDER BY building_id, score DESC
            )
            SELECT b.building_id, coalesce(b.address_text, b.address_key), b.zip, coalesce(h.max_severity, 0), best.matched_by, best.score
            FROM best JOIN building b ON b.building_id = best.building_id
            LEFT JOIN hazard_index h ON h.building_id = b.building_id
            ORDER BY best.score DESC, b.address_key, b.building_id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("street", (object?)address?.Street ?? DBNull.Value);
        command.Parameters.AddWithValue("low", (object?)address?.NumberLow ?? DBNull.Value);
        command.Parameters.AddWithValue("high", (object?)(address?.NumberHigh ?? address?.NumberLow) ?? DBNull.Value);
        command.Parameters.AddWithValue("zip", (object?)address?.Zip ?? DBNull.Value);
        command.Parameters.AddWithValue("key", address?.Key ?? text.Trim().ToUpperInvariant());
        command.Parameters.AddWithValue("limit", limit);
        // Names ("porter medical", "city of boston") are searched only when the text does not start like an address.
        var trimmed = text.Trim();
        command.Parameters.AddWithValue("name", trimmed);
        command.Parameters.AddWithValue("by_name", trimmed.Length >= 3 && !char.IsAsciiDigit(trimmed[0]));
        return await ReadCandidatesAsync(command, cancellationToken);
    }

    /// <summary>The building at a point: inside a footprint, else inside a parcel, else the nearest within 50 m.</summary>
    public async Task<IReadOnlyList<BuildingCandidate>> AtAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        using var measured = latency.Measure("point");
        return await retry.IdempotentAsync(ct => AtOnceAsync(latitude, longitude, ct), cancellationToken);
    }

    private async Task<IReadOnlyList<BuildingCandidate>> AtOnceAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) AS pt),
            hit AS (
                (SELECT b.building_id, 'footprint' AS matched_by, 1.0 AS score FROM building b, p
                 WHERE ST_Intersects(b.footprint, p.pt) ORDER BY ST_Area(b.footprint) LIMIT 1)
                UNION ALL
                (SELECT b.building_id, 'parcel', 0.8 FROM building b, p
                 WHERE ST_Intersects(b.parcel_shape, p.pt) ORDER BY ST_Area(b.parcel_shape) LIMIT 1)
                UNION ALL
                (SELECT b.building_id, 'nearest', 0.5 FROM building b, p
                 WHERE b.location IS NOT NULL AND ST_DWithin(b.location::geography, p.pt::geography, 50)
                 ORDER BY b.location <-> p.pt LIMIT 1)
            )
            SELECT b.building_id, coalesce(b.address_text, b.address_key), b.zip, coalesce(h.max_severity, 0), hit.matched_by, hit.score
            FROM (SELECT DISTINCT ON (building_id) * FROM hit ORDER BY building_id, score DESC) hit
            JOIN building b ON b.building_id = hit.building_id
            LEFT JOIN hazard_index h ON h.building_id = b.building_id
            ORDER BY hit.score DESC
            LIMIT 1
            """);
        command.Parameters.AddWithValue("lat", latitude);
        command.Parameters.AddWithValue("lon", longitude);
        return await ReadCandidatesAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<BuildingCandidate>> ReadCandidatesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var result = new List<BuildingCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new BuildingCandidate(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                (Severity)reader.GetInt16(3),
                reader.GetString(4),
                Math.Round(reader.GetDouble(5), 3)));
        }

        return result;
    }

    /// <summary>
    /// A parsed JsonNode builds its objects and arrays on first read, which is not safe from two threads
    /// at once; a kept summary is read by many requests together, so every level is built here, once.
    /// </summary>
    private static JsonNode? Settled(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Settled(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Settled(child);
                }

                break;
        }

        return node;
    }

    private static FlagView ViewOf(HazardFlag flag, IReadOnlyDictionary<string, FeedFreshnessEntry> feeds, DateTimeOffset now)
    {
        var stale = !feeds.TryGetValue(BIS.Domain.Feeds.FeedKindNames.Slug(flag.Feed), out var feed) || feed.Stale;
        double? ageDays = flag.AsOf is { } asOf ? Math.Round((now - asOf).TotalDays, 1) : null;
        return new FlagView(flag, stale, ageDays);
    }
}
