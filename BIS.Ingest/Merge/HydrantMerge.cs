namespace BIS.Ingest.Merge;

/// <summary>
/// Merge of the hydrant layer. Hydrants are not linked to buildings: a changed hydrant touches every
/// building within the hydrant search radius of its old and its new position.
/// </summary>
internal static class HydrantMerge
{
    /// <summary>Above this many changed hydrants, every located building is re-evaluated.</summary>
    public const long BulkChange = 1000;

    // Which buildings to re-evaluate may include a few extra: a degree box is cheaper than true
    // distance, and 1° of longitude here is ~82 km, so radius/80 km degrees covers the radius. Extra
    // buildings cost a re-evaluation; missing ones would leave stale flags.
    public const string TouchAroundMoved = """
        CREATE INDEX ON hydrant_moved USING gist (location);
        ANALYZE hydrant_moved;
        INSERT INTO touched
        SELECT DISTINCT b.building_id
        FROM hydrant_moved m
        JOIN building b ON b.location IS NOT NULL AND ST_DWithin(b.location, m.location, @radius / 80000.0)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Buildings with no hydrant within the search radius: their flag cites the hydrant layer itself
    /// (the run that last changed it), so any change to the layer changes their flag, however far away.
    /// Run after building_hydrant is refreshed.
    /// </summary>
    public const string TouchWithoutHydrants = """
        INSERT INTO touched
        SELECT b.building_id FROM building b
        WHERE b.location IS NOT NULL AND NOT EXISTS (SELECT 1 FROM building_hydrant bh WHERE bh.building_id = b.building_id)
        ON CONFLICT DO NOTHING
        """;

    public const string TouchAllLocated = "INSERT INTO touched SELECT building_id FROM building WHERE location IS NOT NULL ON CONFLICT DO NOTHING";

    public static readonly string[] Statements =
    [
        """
        CREATE TEMP TABLE hydrant_moved (location geometry(Point, 4326)) ON COMMIT DROP;
        SELECT 0::bigint
        """,
        $"""
        WITH gone AS (
            DELETE FROM hydrant h WHERE {Pipeline.PendingDeletions.AbsentFromInput("h.hydrant_id")}
            RETURNING h.location
        ), mark AS (INSERT INTO hydrant_moved SELECT location FROM gone)
        SELECT count(*) FROM gone
        """,
        """
        INSERT INTO hydrant_moved
        SELECT h.location FROM hydrant h JOIN stage s ON s.record_id = h.hydrant_id
        WHERE h.content_hash <> s.content_hash;
        SELECT 0::bigint
        """,
        """
        WITH up AS (
            INSERT INTO hydrant AS h (hydrant_id, in_service, attrs, location, as_of, line_number, content_hash, warnings, updated_run_id)
            SELECT s.record_id, coalesce((s.attrs ->> 'inService')::boolean, false), s.attrs, s.location, s.as_of,
                   s.line_number, s.content_hash, s.warnings, @run
            FROM stage s WHERE s.location IS NOT NULL
            ON CONFLICT (hydrant_id) DO UPDATE SET
                in_service = excluded.in_service, attrs = excluded.attrs, location = excluded.location,
                as_of = excluded.as_of, line_number = excluded.line_number, content_hash = excluded.content_hash,
                warnings = excluded.warnings, updated_run_id = excluded.updated_run_id
            WHERE h.content_hash <> excluded.content_hash
            RETURNING h.location
        ), mark AS (INSERT INTO hydrant_moved SELECT location FROM up)
        SELECT count(*) FROM up
        """,
    ];
}
