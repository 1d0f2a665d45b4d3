using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Npgsql;
using NpgsqlTypes;

namespace BIS.Ingest.Merge;

/// <summary>
/// Refreshes building_hydrant for the touched buildings: every hydrant within the search radius,
/// nearest first, at most <see cref="PerBuilding"/>. Run by the merges that can move a building
/// (assessing) or a hydrant (hydrants). The hydrant layer is small (one hydrant per ~10 buildings),
/// so it is searched in memory with an STR-tree: one PostGIS KNN probe per building cost ~130 µs
/// and dominated full loads.
/// </summary>
internal static class NearbyHydrants
{
    public const int PerBuilding = 8;
    private const double MetersPerDegreeLatitude = 111_320;
    private const double EarthRadiusMeters = 6_371_008.8;

    public static async Task RefreshTouchedAsync(NpgsqlConnection connection, double radiusMeters, CancellationToken cancellationToken)
    {
        var hydrants = await LoadHydrantsAsync(connection, cancellationToken);
        await using (var clear = new NpgsqlCommand("DELETE FROM building_hydrant bh USING touched t WHERE bh.building_id = t.building_id", connection) { CommandTimeout = 0 })
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        if (hydrants.Count == 0)
        {
            return;
        }

        await using var buildings = new NpgsqlCommand(
            "SELECT b.building_id, ST_X(b.location), ST_Y(b.location) FROM touched t JOIN building b ON b.building_id = t.building_id WHERE b.location IS NOT NULL",
            connection) { CommandTimeout = 0 };
        var located = new List<(long Id, double Lon, double Lat)>();
        await using (var reader = await buildings.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                located.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2)));
            }
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY building_hydrant (building_id, hydrant_id, meters) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (id, lon, lat) in located)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (hydrantId, meters) in Nearest(hydrants, lon, lat, radiusMeters))
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(hydrantId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(meters, NpgsqlDbType.Double, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static IEnumerable<(string HydrantId, double Meters)> Nearest(STRtree<(string Id, double Lon, double Lat)> hydrants, double lon, double lat, double radiusMeters)
    {
        var dLat = radiusMeters / MetersPerDegreeLatitude;
        var dLon = radiusMeters / (MetersPerDegreeLatitude * Math.Max(Math.Cos(lat * Math.PI / 180), 0.01));
        return hydrants.Query(new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat))
            .Select(h => (h.Id, Meters: Haversine(lat, lon, h.Lat, h.Lon)))
            .Where(h => h.Meters <= radiusMeters)
            .OrderBy(h => h.Meters)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(PerBuilding);
    }

    /// <summary>Great-circle distance; at a few hundred metres it agrees with the spheroid to centimetres.</summary>
    internal static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static async Task<STRtree<(string Id, double Lon, double Lat)>> LoadHydrantsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tree = new STRtree<(string Id, double Lon, double Lat)>();
        await using var command = new NpgsqlCommand("SELECT hydrant_id, ST_X(location), ST_Y(location) FROM hydrant", connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (lon, lat) = (reader.GetDouble(1), reader.GetDouble(2));
            tree.Insert(new Envelope(lon, lon, lat, lat), (reader.GetString(0), lon, lat));
        }

        tree.Build();
        return tree;
    }
}
