using BIS.Domain.Geo;

namespace BIS.Ingest.SampleCity;

/// <summary>A place on a street where a hydrant stands, WGS84, with a street description when known.</summary>
internal readonly record struct HydrantSite(double Latitude, double Longitude, string? Location);

/// <summary>
/// Writes the BWSC hydrant layer as CSV (hydrants feed, role <c>hydrants</c>): State Plane feet
/// POINT_X/POINT_Y on nearly every row, NFPA 291 flow classes, about one in twenty out of service.
/// </summary>
internal static class HydrantsCsv
{
    public const string Role = "hydrants";

    public static readonly string[] Columns =
        ["HYDRANT_ID", "STATUS", "FLOW_CLASS", "FLOW_GPM", "MAIN_DIAM_IN", "LAST_FLOW_TEST", "LOCATION", "POINT_X", "POINT_Y", "LATITUDE", "LONGITUDE"];

    public static GeneratedFile Write(string path, IReadOnlyList<HydrantSite> sites, Random random, DateOnly asOf, string idPrefix)
    {
        var mess = Messiness.For(sites.Count);
        var garbage = mess.GarbageRows(sites.Count);
        var garbageEvery = Math.Max(1, sites.Count / (garbage + 1));
        using var csv = new FeedCsvWriter(path, Columns);
        for (var i = 0; i < sites.Count; i++)
        {
            var site = sites[i];
            var (flowClass, gpm) = random.Weighted<(string, int)>([
                (("AA", random.Between(1500, 2600)), 15), (("A", random.Between(1000, 1499)), 55),
                (("B", random.Between(500, 999)), 22), (("C", random.Between(250, 499)), 8)]);
            csv["HYDRANT_ID"] = $"{idPrefix}{i + 1:D6}";
            csv["STATUS"] = random.Weighted<string>([("IN SERVICE", 94), ("OUT OF SERVICE", 5), ("REMOVED", 1)]);
            csv["FLOW_CLASS"] = random.Chance(0.03) ? null : flowClass;
            csv["FLOW_GPM"] = random.Chance(0.05) ? null : Formats.Int(gpm);
            csv["MAIN_DIAM_IN"] = Formats.Int(gpm >= 1500 ? random.Pick([12, 16]) : gpm >= 1000 ? random.Pick([8, 12]) : random.Pick([6, 8]));
            csv["LAST_FLOW_TEST"] = random.Chance(0.08) ? null : Formats.Iso(random.DateBetween(asOf.AddYears(-8), asOf.AddDays(-1)));
            csv["LOCATION"] = site.Location;
            var roll = random.NextDouble();
            if (roll < 0.97)
            {
                var (x, y) = MassStatePlane.FromWgs84(site.Latitude, site.Longitude);
                csv["POINT_X"] = Formats.Feet(x);
                csv["POINT_Y"] = Formats.Feet(y);
            }
            else
            {
                // A few hydrants were added from a GPS survey and carry only latitude/longitude.
                var (lat, lon) = mess.LatLon(random, site.Latitude, site.Longitude);
                csv["LATITUDE"] = lat;
                csv["LONGITUDE"] = lon;
            }

            csv.EndRow(repeatAtEnd: random.Chance(mess.Duplicate));
            if ((i + 1) % garbageEvery == 0 && garbage-- > 0)
            {
                csv["STATUS"] = "IN SERVICE";
                csv["FLOW_CLASS"] = "A";
                csv["LOCATION"] = site.Location;
                csv.EndRow();
            }
        }

        csv.Dispose();
        return new GeneratedFile(Role, path, csv.Rows, Generated: true);
    }
}
