using Npgsql;

namespace BIS.Ingest.Linkage;

/// <summary>
/// Links staged records to buildings, set-based, walking down the ladder from DESIGN.md: parcel id →
/// address id → normalized address (exact, then range containment) → point in footprint → point in
/// parcel → nearest building within tolerance. Each rung only sees rows the rungs above left unlinked,
/// and records its method and confidence. What is left keeps a reason for the steward. Rows staged
/// as unchanged arrive already linked (<see cref="Pipeline.KnownRecords"/>) and are passed over.
/// </summary>
public static class EntityResolver
{
    public sealed record Result(long Matched, long Unmatched);

    public static async Task<Result> ResolveAsync(NpgsqlConnection connection, double toleranceMeters, CancellationToken cancellationToken)
    {
        foreach (var rung in Ladder)
        {
            await using var command = new NpgsqlCommand(rung, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("tolerance", toleranceMeters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var count = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE building_id IS NOT NULL), count(*) FILTER (WHERE building_id IS NULL) FROM stage",
            connection);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Result(reader.GetInt64(0), reader.GetInt64(1));
    }

    private const string AddressIdRung = """
        UPDATE stage s SET building_id = l.building_id, match_method = 'address_id', match_confidence = 0.95
        FROM address_id_link l
        WHERE s.building_id IS NULL AND s.address_id IS NOT NULL AND l.address_id = s.address_id
        """;

    private static readonly string[] Ladder =
    [
        """
        UPDATE stage s SET building_id = b.building_id, match_method = 'parcel_id', match_confidence = 1.0
        FROM building b
        WHERE s.building_id IS NULL AND s.parcel_id IS NOT NULL AND b.parcel_id = s.parcel_id
        """,
        AddressIdRung,
        // Same street and the same first house number (an index point lookup). The ZIP must agree
        // when both sides have one, because the same street name recurs across neighbourhoods; an
        // identical range beats a different one, and the nearer building breaks what ties remain.
        """
        UPDATE stage s SET building_id = m.building_id, match_method = 'address', match_confidence = 0.9
        FROM (
            SELECT DISTINCT ON (s.seq) s.seq, a.building_id
            FROM stage s
            JOIN building_address a
              ON a.street = s.street AND a.number_low = s.number_low
             AND (s.zip IS NULL OR a.zip IS NULL OR a.zip = s.zip)
            LEFT JOIN building b ON b.building_id = a.building_id
            WHERE s.building_id IS NULL AND s.number_low IS NOT NULL AND s.street IS NOT NULL
            ORDER BY s.seq, (a.number_high = s.number_high) DESC,
                     CASE WHEN s.location IS NOT NULL AND b.location IS NOT NULL THEN b.location <-> s.location END NULLS LAST,
                     a.building_id
        ) m
        WHERE s.seq = m.seq
        """,
        // What is left: overlapping ranges ("300-304 Sumner" and "302 Sumner"); narrow ranges first.
        """
        UPDATE stage s SET building_id = m.building_id, match_method = 'address_range', match_confidence = 0.8
        FROM (
            SELECT DISTINCT ON (s.seq) s.seq, a.building_id
            FROM stage s
            JOIN building_address a
              ON a.street = s.street
             AND a.number_low <= s.number_high AND s.number_low <= a.number_high
             AND (s.zip IS NULL OR a.zip IS NULL OR a.zip = s.zip)
            LEFT JOIN building b ON b.building_id = a.building_id
            WHERE s.building_id IS NULL AND s.number_low IS NOT NULL AND s.street IS NOT NULL
            ORDER BY s.seq, (a.number_high - a.number_low),
                     CASE WHEN s.location IS NOT NULL AND b.location IS NOT NULL THEN b.location <-> s.location END NULLS LAST,
                     a.building_id
        ) m
        WHERE s.seq = m.seq
        """,
        // City address ids seen on records linked by a strong rung are remembered, and used at once for
        // this run's other records with the same id, so a re-run of the same input links the same way.
        """
        INSERT INTO address_id_link (address_id, building_id, learned_from)
        SELECT DISTINCT ON (s.address_id) s.address_id, s.building_id, s.match_method
        FROM stage s
        WHERE s.address_id IS NOT NULL AND s.building_id IS NOT NULL AND s.match_method IN ('parcel_id', 'address')
        ORDER BY s.address_id, s.match_confidence DESC, s.seq
        ON CONFLICT (address_id) DO NOTHING
        """,
        AddressIdRung,
        """
        UPDATE stage s SET building_id = m.building_id, match_method = 'point_in_footprint', match_confidence = 0.85
        FROM (
            SELECT DISTINCT ON (s.seq) s.seq, b.building_id
            FROM stage s JOIN building b ON b.footprint IS NOT NULL AND ST_Intersects(b.footprint, s.location)
            WHERE s.building_id IS NULL AND s.location IS NOT NULL
            ORDER BY s.seq, ST_Area(b.footprint), b.building_id
        ) m
        WHERE s.seq = m.seq
        """,
        """
        UPDATE stage s SET building_id = m.building_id, match_method = 'point_in_parcel', match_confidence = 0.75
        FROM (
            SELECT DISTINCT ON (s.seq) s.seq, b.building_id
            FROM stage s JOIN building b ON b.parcel_shape IS NOT NULL AND ST_Intersects(b.parcel_shape, s.location)
            WHERE s.building_id IS NULL AND s.location IS NOT NULL
            ORDER BY s.seq, ST_Area(b.parcel_shape), b.building_id
        ) m
        WHERE s.seq = m.seq
        """,
        // Confidence falls with distance: 0.6 at the building, 0.3 at the tolerance.
        """
        UPDATE stage s SET building_id = n.building_id, match_method = 'nearest',
               match_confidence = (0.6 - 0.3 * least(n.meters / greatest(@tolerance, 1), 1))::real
        FROM (
            SELECT s.seq, near.building_id,
                   ST_Distance(near.location::geography, s.location::geography) AS meters
            FROM stage s
            CROSS JOIN LATERAL (
                SELECT b.building_id, b.location FROM building b
                WHERE b.location IS NOT NULL
                ORDER BY b.location <-> s.location
                LIMIT 1
            ) near
            WHERE s.building_id IS NULL AND s.location IS NOT NULL
        ) n
        WHERE s.seq = n.seq AND n.meters <= @tolerance
        """,
        """
        UPDATE stage s SET match_method = 'unmatched', match_confidence = 0,
               unmatched_reason = concat_ws('; ',
                   CASE WHEN s.parcel_id IS NOT NULL THEN 'parcel ' || s.parcel_id || ' not in assessing' END,
                   CASE WHEN s.address_id IS NOT NULL THEN 'address id ' || s.address_id || ' not known' END,
                   CASE WHEN s.address_key IS NOT NULL THEN 'address "' || s.address_key || coalesce(' ' || s.zip, '') || '" not found'
                        WHEN s.address_text IS NOT NULL THEN 'address "' || s.address_text || '" could not be parsed'
                        ELSE 'no address' END,
                   CASE WHEN s.location IS NOT NULL THEN 'no building within ' || @tolerance || ' m of its point'
                        ELSE 'no usable coordinates' END)
        WHERE s.building_id IS NULL
        """,
    ];
}
