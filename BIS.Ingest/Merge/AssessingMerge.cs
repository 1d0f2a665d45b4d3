namespace BIS.Ingest.Merge;

/// <summary>
/// Merge of the assessing feed into the building backbone. A parcel absent from the new export is
/// removed (its index row goes with it; records of other feeds keep their data and lose the link).
/// Building addresses are rebuilt for every changed building so resolution sees the new ones.
/// </summary>
internal static class AssessingMerge
{
    /// <summary>The statements for this run; into an empty backbone (a first load) the buildings are inserted without a conflict check per row.</summary>
    public static string[] Statements(bool noBuildingsYet) => [RemoveGone, noBuildingsYet ? Insert : Upsert, RebuildAddresses];

    private static readonly string RemoveGone = $"""
        WITH gone AS (
            DELETE FROM building b WHERE {Pipeline.PendingDeletions.AbsentFromInput("b.parcel_id")}
            RETURNING b.building_id
        ), logged AS (
            INSERT INTO run_changed_building (run_id, building_id) SELECT @run, building_id FROM gone
        )
        SELECT count(*) FROM gone
        """;

    private const string Upsert = InsertHead + """
            ON CONFLICT (parcel_id) DO UPDATE SET
                address_text = excluded.address_text, address_key = excluded.address_key, street = excluded.street,
                number_low = excluded.number_low, number_high = excluded.number_high, zip = excluded.zip,
                attrs = excluded.attrs, location = excluded.location, parcel_shape = excluded.parcel_shape,
                footprint = excluded.footprint, as_of = excluded.as_of, content_hash = excluded.content_hash,
                warnings = excluded.warnings, updated_run_id = excluded.updated_run_id
            WHERE b.content_hash <> excluded.content_hash

        """ + InsertTail;

    private const string Insert = InsertHead + InsertTail;

    private const string InsertHead = """
        WITH up AS (
            INSERT INTO building AS b (parcel_id, address_text, address_key, street, number_low, number_high, zip, attrs,
                                       location, parcel_shape, footprint, as_of, content_hash, warnings, updated_run_id)
            SELECT s.record_id, s.address_text, s.address_key, s.street, s.number_low, s.number_high, s.zip, s.attrs,
                   coalesce(s.location,
                            CASE WHEN s.footprint IS NOT NULL THEN ST_PointOnSurface(s.footprint) END,
                            CASE WHEN s.parcel_shape IS NOT NULL THEN ST_PointOnSurface(s.parcel_shape) END),
                   s.parcel_shape, s.footprint, s.as_of, s.content_hash, s.warnings, @run
            FROM stage s

        """;

    private const string InsertTail = """
            RETURNING b.building_id
        ), mark AS (
            INSERT INTO touched SELECT building_id FROM up ON CONFLICT DO NOTHING
        )
        SELECT count(*) FROM up
        """;

    private const string RebuildAddresses = """
        DELETE FROM building_address a USING touched t WHERE a.building_id = t.building_id;
        INSERT INTO building_address (building_id, street, number_low, number_high, zip, address_key, address_text)
        SELECT b.building_id, b.street, b.number_low, coalesce(b.number_high, b.number_low), b.zip, b.address_key,
               coalesce(b.address_text, b.address_key)
        FROM building b JOIN touched t ON t.building_id = b.building_id
        WHERE b.street IS NOT NULL AND b.address_key IS NOT NULL;
        SELECT 0::bigint
        """;
}
