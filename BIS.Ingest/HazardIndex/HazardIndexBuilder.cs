using System.Text.Json;
using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Ingest.Feeds;
using BIS.Ingest.Merge;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace BIS.Ingest.HazardIndex;

/// <summary>
/// Rebuilds the hazard index rows of the buildings in the temp table <c>touched</c> inside the run's
/// transaction: facts from the database, flags and recommendations from the domain rules, rows back
/// by binary COPY. Only rows whose content really changed are written, and those are the buildings
/// announced to listeners.
/// </summary>
public sealed class HazardIndexBuilder(HazardRules rules, IOptions<HazardRuleOptions> ruleOptions, IOptionsMonitor<FeedsOptions> feeds, TimeProvider time, ILogger<HazardIndexBuilder> logger)
{
    public double HydrantSearchRadiusMeters => ruleOptions.Value.HydrantSearchRadiusMeters;

    /// <summary>Returns the ids of the buildings whose index row was inserted, updated or deleted.</summary>
    /// <remarks>
    /// Waits first for <see cref="IndexWriteLock"/>: two runs committing at once (two feeds, or a feed and
    /// <see cref="HazardIndexRefresh"/>) would each assess a building from facts that lack the other's
    /// changes, and the later commit would overwrite the other's row. Taken, it is held to the commit, and
    /// the facts are read after it, so they include every run that committed before.
    /// </remarks>
    public async Task<IReadOnlyList<long>> RebuildAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        await IndexWriteLock.AcquireAsync(connection, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var loader = new BuildingFactsLoader(SourceName);
        var facts = await loader.LoadAsync(connection, HydrantSearchRadiusMeters, time.GetUtcNow(), cancellationToken);

        var loaded = clock.Elapsed;
        await using (var create = new NpgsqlCommand(
            """
            CREATE TEMP TABLE index_stage (
                building_id bigint NOT NULL, max_severity smallint NOT NULL, flags jsonb NOT NULL,
                recommendations jsonb NOT NULL, source_as_of jsonb NOT NULL, content_hash text NOT NULL
            ) ON COMMIT DROP
            """, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // The rules are stateless and CPU-bound: evaluated on every core, each row going into COPY as soon as
        // it is ready, so the server parses one batch while the next is assessed. One row per building
        // (the facts are keyed by building), so the stage needs no key of its own.
        var rows = facts.AsParallel().WithCancellation(cancellationToken).Select(pair => IndexRow.Of(pair.Key, rules.Assess(pair.Value), pair.Value));
        using (var writer = connection.BeginBinaryImport(
            "COPY index_stage (building_id, max_severity, flags, recommendations, source_as_of, content_hash) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.StartRow();
                writer.Write(row.BuildingId, NpgsqlDbType.Bigint);
                writer.Write(row.MaxSeverity, NpgsqlDbType.Smallint);
                writer.Write(row.Flags, NpgsqlDbType.Jsonb);
                writer.Write(row.Recommendations, NpgsqlDbType.Jsonb);
                writer.Write(row.SourceAsOf, NpgsqlDbType.Jsonb);
                writer.Write(row.ContentHash, NpgsqlDbType.Text);
            }

            writer.Complete();
        }

        var assessed = clock.Elapsed;
        var changed = new List<long>();
        // The first index of a city is written into an empty table: indexed once, afterwards, and with
        // nothing to conflict with, inserted without the per-row conflict check.
        var deferred = await DeferredIndexes.DeferIfEmptyAsync(connection, "hazard_index", cancellationToken);
        var onConflict = deferred.IsDeferred ? string.Empty :
            """
            ON CONFLICT (building_id) DO UPDATE SET
                max_severity = excluded.max_severity, flags = excluded.flags, recommendations = excluded.recommendations,
                source_as_of = excluded.source_as_of, location = excluded.location, footprint = excluded.footprint,
                content_hash = excluded.content_hash, updated_at = excluded.updated_at
            WHERE h.content_hash <> excluded.content_hash
            """;
        await using var upsert = new NpgsqlCommand(
            $"""
            WITH up AS (
                INSERT INTO hazard_index AS h (building_id, max_severity, flags, recommendations, source_as_of, location, footprint, content_hash, updated_at)
                SELECT s.building_id, s.max_severity, s.flags, s.recommendations, s.source_as_of, b.location, b.footprint,
                       s.content_hash || ':' || b.content_hash, now()
                FROM index_stage s JOIN building b ON b.building_id = s.building_id
                {onConflict}
                RETURNING h.building_id
            ), logged AS (
                INSERT INTO run_changed_building (run_id, building_id) SELECT @run, building_id FROM up
                ON CONFLICT DO NOTHING
            )
            SELECT building_id FROM up ORDER BY building_id
            """, connection) { CommandTimeout = 0 };
        upsert.Parameters.AddWithValue("run", runId);
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changed.Add(reader.GetInt64(0));
            }
        }

        await deferred.RestoreAsync(connection, cancellationToken);

        // Buildings the assessing merge removed were logged by it; they belong in the notice too.
        await using var removed = new NpgsqlCommand(
            "SELECT building_id FROM run_changed_building r WHERE r.run_id = @run AND NOT EXISTS (SELECT 1 FROM building b WHERE b.building_id = r.building_id)",
            connection);
        removed.Parameters.AddWithValue("run", runId);
        await using (var reader = await removed.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changed.Add(reader.GetInt64(0));
            }
        }

        logger.LogDebug(
            "Index rebuild of {Buildings} buildings: load {Load:F2}s, assess+copy {Assess:F2}s, upsert {Upsert:F2}s",
            facts.Count, loaded.TotalSeconds, (assessed - loaded).TotalSeconds, (clock.Elapsed - assessed).TotalSeconds);
        return changed;
    }

    private string SourceName(FeedKind feed) =>
        feeds.CurrentValue.Sources.TryGetValue(feed.Slug(), out var source) && source.SourceName.Length > 0 ? source.SourceName : feed.Slug();

    /// <summary>One hazard_index row, serialized.</summary>
    private sealed record IndexRow(long BuildingId, short MaxSeverity, string Flags, string Recommendations, string SourceAsOf, string ContentHash)
    {
        public static IndexRow Of(long buildingId, HazardAssessment assessment, BuildingFacts facts)
        {
            var flags = JsonSerializer.Serialize(assessment.Flags, RecordJson.Options);
            var recommendations = JsonSerializer.Serialize(assessment.Recommendations, RecordJson.Options);
            var asOf = JsonSerializer.Serialize(HazardIndex.SourceAsOf.Of(facts), RecordJson.Options);
            var severity = (short)assessment.MaxSeverity;
            var hash = RecordJson.Fingerprint(severity.ToString(System.Globalization.CultureInfo.InvariantCulture), flags, recommendations, asOf);
            return new IndexRow(buildingId, severity, flags, recommendations, asOf, hash);
        }
    }
}
