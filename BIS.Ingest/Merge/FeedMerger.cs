using BIS.Domain.Feeds;
using Npgsql;

namespace BIS.Ingest.Merge;

/// <summary>
/// Applies a staged snapshot to the current tables: every feed file is a full export, so records
/// absent from it are deleted, changed ones updated, new ones inserted, unchanged ones left alone.
/// The buildings whose picture changed are added to the temp table <c>touched</c>, which the runner made.
/// Runs inside the run's transaction; nothing here commits.
/// </summary>
public static class FeedMerger
{
    /// <summary>Up to this many changed records, the merged table is not analyzed again (ANALYZE samples 30,000 rows).</summary>
    private const long SmallChange = 10_000;

    /// <summary>How many current records the merge inserted, updated or deleted.</summary>
    /// <param name="connection">The run's connection, inside its transaction.</param>
    /// <param name="feed">The feed whose stage is merged.</param>
    /// <param name="runId">The run, recorded on every row it writes.</param>
    /// <param name="hydrantRadiusMeters">How far around a building hydrants are looked for.</param>
    /// <param name="cancellationToken">Cancels the merge.</param>
    /// <param name="hasCurrentRecords">False when a linked feed has no records yet (see <see cref="LinkedRecordMerge.Statements"/>).</param>
    /// <param name="recordStatisticsLater">True when feed_record is analyzed after the load anyway (its indexes were deferred).</param>
    public static async Task<long> MergeAsync(
        NpgsqlConnection connection, FeedKind feed, long runId, double hydrantRadiusMeters, CancellationToken cancellationToken,
        bool hasCurrentRecords = true, bool recordStatisticsLater = false)
    {
        // A first load of the backbone fills both tables from nothing: index them once, afterwards.
        List<DeferredIndexes> deferred = feed == FeedKind.Assessing
            ? [await DeferredIndexes.DeferIfEmptyAsync(connection, "building", cancellationToken),
               await DeferredIndexes.DeferIfEmptyAsync(connection, "building_address", cancellationToken)]
            : [];
        var statements = feed switch
        {
            FeedKind.Assessing => AssessingMerge.Statements(noBuildingsYet: deferred[0].IsDeferred),
            FeedKind.Hydrants => HydrantMerge.Statements,
            _ => LinkedRecordMerge.Statements(hasCurrentRecords),
        };
        long changed = 0;
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("feed", feed.Slug());
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("radius", hydrantRadiusMeters);
            var result = await command.ExecuteScalarAsync(cancellationToken);
            if (result is long count)
            {
                changed += count;
            }
        }

        var addressesRestored = deferred is [_, { IsDeferred: true }];
        foreach (var indexes in deferred)
        {
            await indexes.RestoreAsync(connection, cancellationToken);
        }

        if (feed == FeedKind.Hydrants)
        {
            await using var moved = new NpgsqlCommand("SELECT count(*) FROM hydrant_moved", connection);
            var bulk = (long)(await moved.ExecuteScalarAsync(cancellationToken))! > HydrantMerge.BulkChange;
            await ExecuteAsync(connection, bulk ? HydrantMerge.TouchAllLocated : HydrantMerge.TouchAroundMoved, cancellationToken, hydrantRadiusMeters);
        }

        if (feed is FeedKind.Hydrants or FeedKind.Assessing)
        {
            // Hydrants near a building change only when one of the two moves.
            await NearbyHydrants.RefreshTouchedAsync(connection, hydrantRadiusMeters, cancellationToken);
        }

        if (feed == FeedKind.Hydrants && changed > 0)
        {
            await ExecuteAsync(connection, HydrantMerge.TouchWithoutHydrants, cancellationToken);
        }

        // Tables filled inside this transaction have no statistics yet; without them the index
        // rebuild's joins fall back to scans. A small change leaves the statistics as good as they were.
        var table = feed switch
        {
            // building_address restored from a first load was analyzed with its indexes.
            FeedKind.Assessing when addressesRestored => "building_hydrant",
            FeedKind.Assessing => "building_address, building_hydrant",
            FeedKind.Hydrants => "building_hydrant",
            _ when recordStatisticsLater => null,
            _ => "feed_record",
        };
        await ExecuteAsync(connection, changed > SmallChange && table is not null ? $"ANALYZE touched, {table}" : "ANALYZE touched", cancellationToken);
        return changed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, double? radius = null)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (radius is { } meters)
        {
            command.Parameters.AddWithValue("radius", meters);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
