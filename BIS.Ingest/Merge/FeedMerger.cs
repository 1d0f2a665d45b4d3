using BIS.Domain.Feeds;
using Npgsql;

namespace BIS.Ingest.Merge;

/// <summary>
/// Applies a staged snapshot to the current tables: every feed file is a full export, so records
/// absent from it are deleted, changed ones updated, new ones inserted, unchanged ones left alone.
/// The buildings whose picture changed are collected in the temp table <c>touched</c>.
/// Runs inside the run's transaction; nothing here commits.
/// </summary>
public static class FeedMerger
{
    /// <summary>How many current records the merge inserted, updated or deleted.</summary>
    public static async Task<long> MergeAsync(NpgsqlConnection connection, FeedKind feed, long runId, double hydrantRadiusMeters, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE touched (building_id bigint PRIMARY KEY) ON COMMIT DROP", cancellationToken);
        var statements = feed switch
        {
            FeedKind.Assessing => AssessingMerge.Statements,
            FeedKind.Hydrants => HydrantMerge.Statements,
            _ => LinkedRecordMerge.Statements,
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

        await ExecuteAsync(connection, "ANALYZE touched", cancellationToken);
        return changed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
