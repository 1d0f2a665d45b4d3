namespace BIS.Ingest.Merge;

/// <summary>
/// Refreshes building_hydrant for the touched buildings: the nearest hydrants by the spatial index,
/// then the distance on the sphere (metres off the spheroid at 300 m are irrelevant), keeping those
/// within the search radius. Run by the merges that can move
/// a building (assessing) or a hydrant (hydrants).
/// </summary>
internal static class NearbyHydrants
{
    public const int PerBuilding = 8;

    public static readonly string RefreshTouched = $"""
        DELETE FROM building_hydrant bh USING touched t WHERE bh.building_id = t.building_id;
        INSERT INTO building_hydrant (building_id, hydrant_id, meters)
        SELECT t.building_id, near.hydrant_id, near.meters
        FROM touched t
        JOIN building b ON b.building_id = t.building_id AND b.location IS NOT NULL
        CROSS JOIN LATERAL (
            SELECT h.hydrant_id, ST_Distance(h.location::geography, b.location::geography, false) AS meters
            FROM hydrant h
            ORDER BY h.location <-> b.location
            LIMIT {PerBuilding}
        ) near
        WHERE near.meters <= @radius
        """;
}
