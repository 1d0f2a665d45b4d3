using BIS.Domain.Feeds;
using BIS.Ingest.Linkage;
using Npgsql;

namespace BIS.Ingest.ManualLinks;

/// <summary>
/// How a feed run honours the stewards' choices (<c>manual_link</c>, made by <see cref="ManualLinker"/>): around the
/// linkage ladder, a staged record with a choice in force takes it (method <c>manual</c>, confidence 1.0) instead of
/// walking the ladder, for as long as its source row is the one the record was last loaded from. A record whose row
/// changed (or which left the feed, or whose chosen building left assessing) has its choice lapsed, recorded with this
/// run, and walks the ladder like any other.
/// </summary>
/// <remarks>
/// A linked record with an unchanged row is not staged at all (<see cref="Pipeline.KnownRecords"/>), so its manual link
/// stands untouched. What is staged is an unlinked record (every run), a changed row, and every row on the first run
/// of a new build, whose row fingerprints all differ because they are salted with the mapping's version: then the
/// mapped content decides instead, so that a new build (which relinks everything else) keeps the stewards' choices.
/// </remarks>
public static class ManualChoices
{
    public const string Method = "manual";

    /// <summary>Applies the feed's choices to the stage, runs <paramref name="resolve"/> (the ladder) on the rest, and counts both.</summary>
    /// <param name="connection">The run's connection, with <c>stage</c> and <c>stage_gone</c> filled.</param>
    /// <param name="feed">A building-linked feed.</param>
    /// <param name="runId">The run that lapses a choice, recorded with it.</param>
    /// <param name="sameMapping">The feed's last good run was read by the same build and service area: row fingerprints compare.</param>
    /// <param name="resolve">The ladder, over the stage rows left unlinked.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public static async Task<EntityResolver.Result> ResolveAroundAsync(
        NpgsqlConnection connection, FeedKind feed, long runId, bool sameMapping,
        Func<CancellationToken, Task<EntityResolver.Result>> resolve, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, LapseSql, feed, runId, sameMapping, cancellationToken);
        await ExecuteAsync(connection, ApplySql, feed, runId, sameMapping, cancellationToken);
        // The ladder links every stage row without a building; a record a steward left unlinked must stay so.
        await ExecuteAsync(connection, SetAsideSql, feed, runId, sameMapping, cancellationToken);
        var setAside = await ExecuteAsync(connection, $"DELETE FROM stage WHERE {Unlinked}", feed, runId, sameMapping, cancellationToken);
        var resolved = await resolve(cancellationToken);
        await ExecuteAsync(connection, "INSERT INTO stage SELECT * FROM stage_unlinked", feed, runId, sameMapping, cancellationToken);
        return resolved with { Unmatched = resolved.Unmatched + setAside };
    }

    // Whether a staged row is still the source row of the current record: its row fingerprint under the same build,
    // its mapped content across builds (or for records loaded before row fingerprints were kept).
    private const string SameRow = """
        CASE WHEN @same_mapping AND s.row_fingerprint IS NOT NULL AND f.row_fingerprint IS NOT NULL
             THEN s.row_fingerprint = f.row_fingerprint
             ELSE s.content_hash = f.content_hash END
        """;

    private const string LapseSql = $$"""
        WITH lapsing AS (
            SELECT m.link_id,
                   CASE WHEN g.record_id IS NOT NULL THEN 'the record is no longer in the feed'
                        WHEN m.building_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM building b WHERE b.building_id = m.building_id)
                             THEN 'building ' || m.building_id || ' is no longer in assessing'
                        WHEN s.record_id IS NOT NULL AND NOT ({{SameRow}}) THEN 'the source row changed'
                   END AS reason
            FROM manual_link m
            LEFT JOIN stage_gone g ON g.record_id = m.record_id
            LEFT JOIN stage s ON s.record_id = m.record_id
            LEFT JOIN feed_record f ON f.feed = m.feed AND f.record_id = m.record_id
            WHERE m.feed = @feed AND m.lapsed_at IS NULL AND m.replaced_at IS NULL
        )
        UPDATE manual_link m SET lapsed_at = now(), lapsed_reason = l.reason, lapsed_run_id = @run
        FROM lapsing l
        WHERE m.link_id = l.link_id AND l.reason IS NOT NULL
        """;

    // Rows kept as unchanged by content (KnownRecords.MarkUnchangedAsync) carried their manual link over whether or not
    // it lapsed above: cleared first, so that only a choice in force sets one again, and a lapsed one walks the ladder.
    private const string ApplySql = $"""
        UPDATE stage SET building_id = NULL, match_method = NULL, match_confidence = NULL, unchanged = false
        WHERE match_method = '{Method}';

        UPDATE stage s
        SET building_id = m.building_id, match_method = '{Method}', match_confidence = 1.0,
            unmatched_reason = CASE WHEN m.building_id IS NULL THEN 'left unmatched by ' || m.chosen_by || coalesce(': ' || m.note, '') END
        FROM manual_link m
        WHERE m.feed = @feed AND m.record_id = s.record_id AND m.lapsed_at IS NULL AND m.replaced_at IS NULL
        """;

    private const string Unlinked = $"match_method = '{Method}' AND building_id IS NULL";

    private const string SetAsideSql = $"""
        DROP TABLE IF EXISTS stage_unlinked;
        CREATE TEMP TABLE stage_unlinked ON COMMIT DROP AS SELECT * FROM stage WHERE {Unlinked}
        """;

    private static async Task<long> ExecuteAsync(
        NpgsqlConnection connection, string sql, FeedKind feed, long runId, bool sameMapping, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("feed", feed.Slug());
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("same_mapping", sameMapping);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
