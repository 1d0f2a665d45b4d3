using BIS.Ingest.Pipeline;
using Npgsql;

namespace BIS.Ingest.Linkage;

/// <summary>
/// After the assessing backbone changed, records of the other feeds that were left unmatched walk
/// the linkage ladder again, in the same transaction: a hazmat permit whose building was missing
/// from the last assessing export must show up as soon as the building does, not when the permit
/// file next changes. Buildings that gain records are added to <c>touched</c> for re-indexing.
/// </summary>
public static class Relinker
{
    public static async Task<long> RelinkUnmatchedAsync(NpgsqlConnection connection, double toleranceMeters, CancellationToken cancellationToken)
    {
        // The assessing run's own stage is merged by now; the ladder works on a table named stage.
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS stage", cancellationToken);
        await ExecuteAsync(connection, StagingTable.CreateSql, cancellationToken);
        await ExecuteAsync(connection,
            """
            INSERT INTO stage (seq, feed, line_number, record_id, parcel_id, address_id, address_text, address_key, street,
                               number_low, number_high, zip, location, attrs, as_of, content_hash)
            SELECT row_number() OVER (ORDER BY feed, record_id), feed, line_number, record_id, parcel_id, address_id, address_text,
                   address_key, street, number_low, number_high, zip, location, attrs, as_of, content_hash
            -- A record a steward left unmatched on purpose stays so; one whose chosen building just left assessing is
            -- linked again here, and its choice lapses on the feed's next run (ManualChoices).
            FROM feed_record f WHERE building_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM manual_link m WHERE m.feed = f.feed AND m.record_id = f.record_id
                                AND m.building_id IS NULL AND m.lapsed_at IS NULL AND m.replaced_at IS NULL);
            ANALYZE stage
            """, cancellationToken);

        await EntityResolver.ResolveAsync(connection, toleranceMeters, cancellationToken);

        await using var apply = new NpgsqlCommand(
            """
            WITH linked AS (
                UPDATE feed_record f
                SET building_id = s.building_id, match_method = s.match_method, match_confidence = s.match_confidence,
                    unmatched_reason = NULL
                FROM stage s
                WHERE f.feed = s.feed AND f.record_id = s.record_id AND s.building_id IS NOT NULL
                RETURNING f.building_id
            ), mark AS (
                INSERT INTO touched SELECT DISTINCT building_id FROM linked ON CONFLICT DO NOTHING
            ), still_unmatched AS (
                -- The new backbone can change why a record is left (a second building at its address makes it
                -- ambiguous, a building gone makes it not found): the steward reads today's reason.
                UPDATE feed_record f SET unmatched_reason = s.unmatched_reason
                FROM stage s
                WHERE f.feed = s.feed AND f.record_id = s.record_id AND s.building_id IS NULL
                  AND f.unmatched_reason IS DISTINCT FROM s.unmatched_reason
            )
            SELECT count(*) FROM linked
            """, connection) { CommandTimeout = 0 };
        return (long)(await apply.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
