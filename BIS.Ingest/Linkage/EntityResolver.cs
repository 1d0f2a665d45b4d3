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

    // NormalizedAddress.SharesNumberWith over number_low/number_high: the numbers overlap, and the two are not each
    // on one side of the street (ends of one parity) and on opposite sides: "108-110" never reaches 109, "24-29"
    // reaches both sides. Single numbers are one-sided ranges, so "109" never reaches "108-110" either.
    private const string SharesNumber = """
        a.number_low <= s.number_high AND s.number_low <= a.number_high
        AND NOT (s.number_low % 2 = s.number_high % 2 AND a.number_low % 2 = a.number_high % 2
                 AND s.number_low % 2 <> a.number_low % 2)
        """;

    /// <summary>
    /// A rung linking by address: each record's candidate buildings are ranked by what tells them apart (no other
    /// letter at the record's own number, the identical range, the narrowest, the nearest to the record's own
    /// point). A single best building is linked; when several tie on all of that, the rung does not guess: the
    /// record stays unlinked, skips the address rungs below, and keeps in <c>address_ambiguity</c> which buildings
    /// it could not choose between. <paramref name="verb"/> is the SQL saying how the record's address relates to them.
    /// </summary>
    private static string AddressRung(string join, string method, string confidence, string verb) => $$"""
        WITH candidate AS (
            -- A building counts once, by its best address.
            SELECT DISTINCT ON (s.seq, a.building_id) s.seq, a.building_id, a.number_low,
                   -- The address line as assessing writes it, without its city and ZIP: "166A-166 CHELSEA ST".
                   split_part(a.address_text, ',', 1) AS label,
                   -- "319R" is another building than "319": the key holds the first number with its letter.
                   (a.number_low = s.number_low AND a.address_key <> s.address_key) AS other_letter,
                   (a.number_low = s.number_low AND a.number_high = s.number_high) AS identical,
                   a.number_high - a.number_low AS width,
                   CASE WHEN s.location IS NOT NULL AND b.location IS NOT NULL THEN b.location <-> s.location END AS distance
            FROM stage s
            JOIN building_address a
              ON a.street = s.street AND {{join}}
             AND (s.zip IS NULL OR a.zip IS NULL OR a.zip = s.zip)
            LEFT JOIN building b ON b.building_id = a.building_id
            WHERE s.building_id IS NULL AND s.address_ambiguity IS NULL AND s.number_low IS NOT NULL AND s.street IS NOT NULL
            ORDER BY s.seq, a.building_id, {{Ranking}}
        ), ranked AS (
            SELECT c.*, rank() OVER (PARTITION BY c.seq ORDER BY {{Ranking}}) AS place
            FROM candidate c
        ), best AS (
            SELECT seq, count(*) AS buildings, min(building_id) AS building_id,
                   array_agg(label || ' (#' || building_id || ')' ORDER BY number_low, building_id) AS named
            FROM ranked WHERE place = 1
            GROUP BY seq
        )
        UPDATE stage s
        SET building_id = CASE WHEN best.buildings = 1 THEN best.building_id END,
            match_method = CASE WHEN best.buildings = 1 THEN '{{method}}' END,
            match_confidence = CASE WHEN best.buildings = 1 THEN {{confidence}} END,
            address_ambiguity = CASE WHEN best.buildings > 1 THEN
                CASE WHEN s.number_high > s.number_low THEN 'range "' || s.number_low || '-' || s.number_high || ' ' || s.street
                     ELSE 'address "' || s.address_key END
                || '" ' || {{verb}} || ' ' || best.buildings || ' buildings: ' || array_to_string(best.named[1:{{NamedInReason}}], ', ')
                || CASE WHEN best.buildings > {{NamedInReason}} THEN ' and ' || (best.buildings - {{NamedInReason}}) || ' more' ELSE '' END
            END
        FROM best
        WHERE s.seq = best.seq
        """;

    private const string Ranking = "other_letter, identical DESC, width, distance NULLS LAST";

    /// <summary>How many tied buildings an ambiguity reason names before it says "and N more".</summary>
    private const int NamedInReason = 5;

    private static readonly string[] Ladder =
    [
        """
        UPDATE stage s SET building_id = b.building_id, match_method = 'parcel_id', match_confidence = 1.0
        FROM building b
        WHERE s.building_id IS NULL AND s.parcel_id IS NOT NULL AND b.parcel_id = s.parcel_id
        """,
        AddressIdRung,
        // Same street and the same house number, or the identical range (an index point lookup on street and
        // first number). A range record reaching other numbers is left to the next rung, which sees every building
        // it covers. The ZIP must agree when both sides have one, because the same street name recurs across
        // neighbourhoods.
        AddressRung(
            join: "a.number_low = s.number_low AND (s.number_high = s.number_low OR a.number_high = s.number_high)",
            method: "address", confidence: "0.9", verb: "'matches'"),
        // What is left: overlapping ranges ("300-304 Sumner" and "302 Sumner") on the same side of the street.
        AddressRung(join: SharesNumber, method: "address_range", confidence: "0.8",
            verb: "CASE WHEN s.number_high > s.number_low THEN 'covers' ELSE 'falls in' END"),
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
                   CASE WHEN s.address_ambiguity IS NOT NULL THEN s.address_ambiguity
                        WHEN s.address_key IS NOT NULL THEN 'address "' || s.address_key || coalesce(' ' || s.zip, '') || '" not found'
                        WHEN s.address_text IS NOT NULL THEN 'address "' || s.address_text || '" could not be parsed'
                        ELSE 'no address' END,
                   CASE WHEN s.location IS NOT NULL THEN 'no building within ' || @tolerance || ' m of its point'
                        ELSE 'no usable coordinates' END)
        WHERE s.building_id IS NULL
        """,
    ];
}
