namespace BIS.Ingest.Merge;

/// <summary>Merge of the building-linked feeds into feed_record. Each statement returns the rows it changed.</summary>
internal static class LinkedRecordMerge
{
    /// <summary>
    /// The statements for this run. A feed with no current records (its first load) has nothing to delete,
    /// move, update or remember: a plain insert runs, which spares three joins of the stage with feed_record
    /// and a conflict check per row.
    /// </summary>
    public static string[] Statements(bool hasCurrentRecords) => hasCurrentRecords ? [Gone, Moved, Upsert, Remembered] : [Insert];

    private const string Gone =
        """
        WITH gone AS (
            DELETE FROM feed_record f USING stage_gone g
            WHERE f.feed = @feed AND f.record_id = g.record_id
            RETURNING f.building_id
        ), mark AS (
            INSERT INTO touched SELECT DISTINCT building_id FROM gone WHERE building_id IS NOT NULL
            ON CONFLICT DO NOTHING
        )
        SELECT count(*) FROM gone
        """;

    // The building a changed record used to belong to must be re-indexed too.
    private const string Moved =
        """
        WITH moved AS (
            INSERT INTO touched
            SELECT DISTINCT f.building_id FROM feed_record f JOIN stage s ON s.record_id = f.record_id
            WHERE f.feed = @feed AND f.building_id IS NOT NULL AND NOT s.unchanged
              AND (f.content_hash <> s.content_hash OR f.building_id IS DISTINCT FROM s.building_id)
            ON CONFLICT DO NOTHING
            RETURNING 1
        )
        SELECT 0::bigint FROM moved LIMIT 0
        """;

    private const string Upsert = InsertHead + """
            ON CONFLICT (feed, record_id) DO UPDATE SET
                building_id = excluded.building_id, match_method = excluded.match_method,
                match_confidence = excluded.match_confidence, unmatched_reason = excluded.unmatched_reason,
                parcel_id = excluded.parcel_id, address_id = excluded.address_id, address_text = excluded.address_text,
                address_key = excluded.address_key, street = excluded.street, number_low = excluded.number_low,
                number_high = excluded.number_high, zip = excluded.zip, location = excluded.location, attrs = excluded.attrs,
                as_of = excluded.as_of, line_number = excluded.line_number, content_hash = excluded.content_hash,
                row_fingerprint = excluded.row_fingerprint, warnings = excluded.warnings, updated_run_id = excluded.updated_run_id
            WHERE f.content_hash <> excluded.content_hash OR f.building_id IS DISTINCT FROM excluded.building_id

        """ + InsertTail;

    // With no current record, nothing can conflict: the per-row check is skipped.
    private const string Insert = InsertHead + InsertTail;

    private const string InsertHead = """
        WITH up AS (
            INSERT INTO feed_record AS f (feed, record_id, building_id, match_method, match_confidence, unmatched_reason,
                                          parcel_id, address_id, address_text, address_key, street, number_low, number_high, zip,
                                          location, attrs, as_of, line_number, content_hash, row_fingerprint, warnings, updated_run_id)
            SELECT @feed, s.record_id, s.building_id, s.match_method, s.match_confidence, s.unmatched_reason,
                   s.parcel_id, s.address_id, s.address_text, s.address_key, s.street, s.number_low, s.number_high, s.zip,
                   s.location, s.attrs, s.as_of, s.line_number, s.content_hash, s.row_fingerprint, s.warnings, @run
            FROM stage s
            WHERE NOT s.unchanged

        """;

    private const string InsertTail = """
            RETURNING f.building_id
        ), mark AS (
            INSERT INTO touched SELECT DISTINCT building_id FROM up WHERE building_id IS NOT NULL
            ON CONFLICT DO NOTHING
        )
        SELECT count(*) FROM up
        """;

    // A record whose row changed but whose content did not (a new build, a re-spaced field) is left
    // as it is above; it takes the new row's fingerprint so that the row is kept unmapped next time.
    // Not counted as a change.
    private const string Remembered =
        """
        WITH remembered AS (
            UPDATE feed_record f SET row_fingerprint = s.row_fingerprint
            FROM stage s
            WHERE f.feed = @feed AND f.record_id = s.record_id AND s.row_fingerprint IS NOT NULL
              AND f.row_fingerprint IS DISTINCT FROM s.row_fingerprint
            RETURNING 1
        )
        SELECT 0::bigint FROM remembered LIMIT 0
        """;
}
