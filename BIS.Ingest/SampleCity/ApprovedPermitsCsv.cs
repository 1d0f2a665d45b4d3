using BIS.Domain.Geo;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// Writes ISD "Approved Building Permits" rows (building-permits feed, role <c>permits</c>): demolition,
/// sprinkler, alarm, change of occupancy and construction work. Coordinates come as State Plane feet
/// (gpsx/gpsy) on some rows and as latitude/longitude on others, as in the city's export.
/// </summary>
internal static class ApprovedPermitsCsv
{
    public const string Role = "permits";

    public static readonly string[] Columns =
    [
        "permitnumber", "worktype", "permittypedescr", "description", "comments", "applicant", "declared_valuation",
        "total_fees", "issued_date", "expiration_date", "status", "owner", "occupancytype", "sq_feet", "address", "city",
        "state", "zip", "property_id", "parcel_id", "gpsy", "gpsx", "y_latitude", "x_longitude",
    ];

    private sealed record WorkKind(string WorkType, string PermitType, string Prefix, string[] Descriptions, double Weight, double LargeBuildingFactor);

    private static readonly WorkKind[] Kinds =
    [
        new("INTREN", "Short Form Bldg Permit", "SF", ["Interior renovation of kitchen and bath", "Renovate 2nd floor unit, new drywall and flooring", "Replace interior stairs to basement"], 18, 0.8),
        new("EXTREN", "Short Form Bldg Permit", "SF", ["Replace roof shingles, in kind", "Rebuild rear porches per plans", "Replace windows, 12 units, same size"], 10, 0.6),
        new("INTEXT", "Long Form/Alteration Permit", "ALT", ["Gut renovation, add unit in basement", "Renovate and add rear dormer", "Convert attic to living space with new egress stair"], 14, 1.0),
        new("NEWCON", "Erect/New Construction", "ERT", ["Erect new 4-story residential building, 12 units", "New construction of mixed-use building"], 3, 1.2),
        new("ERECT", "Erect/New Construction", "ERT", ["Erect single-family dwelling", "Erect rear addition, 2 stories"], 2, 0.6),
        new("INTDEM", "Short Form Bldg Permit", "SF", ["Interior demolition only, non-structural", "Strip out first floor retail space"], 5, 1.2),
        new("EXTDEM", "Long Form/Alteration Permit", "ALT", ["Demolish rear ell and porches", "Remove exterior fire escape"], 3, 1.0),
        new("RAZE", "Demolition Permit", "DEM", ["Raze 2.5 story wood frame dwelling", "Raze one-story garage and commercial building"], 2, 1.0),
        new("SPRNK", "Fire Protection Permit", "SPR", ["Install NFPA 13R sprinkler system throughout", "Relocate sprinkler heads for new layout", "New wet-pipe sprinkler system, 2 floors"], 7, 3.0),
        new("SPRINK", "Fire Protection Permit", "SPR", ["Sprinkler modification, 24 heads", "Sprinkler system upgrade per FD order"], 2, 3.0),
        new("FA", "Electrical Fire Alarms", "E", ["Install new fire alarm system with smoke and heat detectors", "Replace fire alarm control panel", "Add horn strobes and pull stations"], 8, 2.5),
        new("FIREALARM", "Electrical Fire Alarms", "E", ["Fire alarm upgrade, addressable panel", "Connect fire alarm to master box"], 3, 2.5),
        new("COO", "Certificate of Occupancy", "COO", ["Change occupancy from retail to restaurant (A-2)", "Change occupancy from two-family to three-family"], 5, 1.5),
        new("CHGOCC", "Long Form/Alteration Permit", "U49", ["Change of occupancy: office to residential, 6 units", "Change occupancy from warehouse to assembly"], 3, 1.5),
        new("SOL", "Short Form Bldg Permit", "SF", ["Install roof mounted solar PV, 22 panels", "Solar PV array with battery backup"], 4, 0.8),
        new("OTHER", "Short Form Bldg Permit", "SF", ["Install fence", "Replace rear deck, same footprint", "Signage on storefront"], 5, 0.7),
    ];

    private static readonly string[] Contractors =
        ["BAY STATE BUILDERS INC", "HARBOR FIRE PROTECTION", "NORTHEAST FIRE ALARM CO", "EASTIE CONSTRUCTION LLC", "SUFFOLK GC INC", "ALLIED SPRINKLER CORP", "SUNRISE SOLAR LLC", "CITYWIDE DEMOLITION INC"];

    public static GeneratedFile Write(
        string path, IReadOnlyList<CityBuilding> buildings, IReadOnlyList<int> counts, Random random, DateOnly asOf)
    {
        var expected = counts.Sum();
        var mess = Messiness.For(expected);
        var garbage = mess.GarbageRows(expected);
        var garbageEvery = Math.Max(1, expected / (garbage + 1));
        var sequence = 1_000_000 + random.Next(100_000);
        var written = 0;
        using var csv = new FeedCsvWriter(path, Columns);
        for (var i = 0; i < buildings.Count; i++)
        {
            for (var n = 0; n < counts[i]; n++)
            {
                var b = buildings[i];
                var large = b.Profile.IsCommercialOrIndustrial || b.Profile.Floors >= 4 || b.Profile.LandUse is "E" or "A";
                var kind = random.Weighted(Kinds.Select(k => (k, large ? k.Weight * k.LargeBuildingFactor : k.Weight)).ToList());
                var issued = random.DateBetween(asOf.AddYears(-6), asOf.AddDays(-1));
                var expires = issued.AddDays(random.Chance(0.5) ? 180 : 365);
                csv["permitnumber"] = $"{kind.Prefix}{sequence++}";
                csv["worktype"] = kind.WorkType;
                csv["permittypedescr"] = kind.PermitType;
                csv["description"] = random.Pick(kind.Descriptions);
                csv["comments"] = random.Chance(0.3) ? random.Pick(["Per plans on file", "As per plans, \"Phase 2\"", "Work to be done by licensed contractor", "See attached letter, FD review required", "Occupied building, work after 7 AM"]) : null;
                csv["applicant"] = random.Chance(0.6) ? random.Pick(Contractors) : Formats.Title(Names.Person(random));
                var valuation = (decimal)(100 * Math.Round(random.Between(10.0, large ? 25_000.0 : 1_500.0)));
                csv["declared_valuation"] = Formats.Dollars(valuation);
                csv["total_fees"] = Formats.Dollars(Math.Round(valuation * 0.0105m + 25m, 2));
                csv["issued_date"] = Formats.Timestamp(issued, random);
                csv["expiration_date"] = random.Chance(0.05) ? null : Formats.Timestamp(expires, random);
                csv["status"] = expires > asOf
                    ? random.Weighted<string>([("Open", 70), ("Issued", 30)])
                    : random.Weighted<string>([("Closed", 75), ("Expired", 20), ("Open", 5)]);
                csv["owner"] = b.Owner;
                csv["occupancytype"] = OccupancyType(b.Profile);
                csv["sq_feet"] = random.Chance(0.4) ? "0" : Formats.Int(random.Between(80, large ? 60_000 : 3_000));
                csv["address"] = b.Address.Written(random, mess);
                csv["city"] = random.Pick(["East Boston", "EAST BOSTON", "Boston", b.City]);
                csv["state"] = "MA";
                csv["zip"] = mess.Zip(random, b.Zip);
                csv["property_id"] = random.Chance(0.85) ? b.SamId : null;
                csv["parcel_id"] = random.Chance(0.05) ? null : random.Chance(0.03) ? b.Pid.TrimStart('0') : b.Pid;
                WriteCoordinates(csv, b, random, mess);
                csv.EndRow(repeatAtEnd: random.Chance(mess.Duplicate));

                if (++written % garbageEvery == 0 && garbage-- > 0)
                {
                    // A continuation line of a broken export: address and status but no permit number.
                    csv["address"] = b.Address.ToString();
                    csv["status"] = "Open";
                    csv["worktype"] = kind.WorkType;
                    csv.EndRow();
                }
            }
        }

        csv.Dispose();
        return new GeneratedFile(Role, path, csv.Rows, Generated: true);
    }

    private static void WriteCoordinates(FeedCsvWriter csv, CityBuilding b, Random random, Messiness mess)
    {
        var roll = random.NextDouble();
        if (roll < 0.60)
        {
            var (x, y) = MassStatePlane.FromWgs84(b.Latitude, b.Longitude);
            csv["gpsx"] = Formats.Feet(x);
            csv["gpsy"] = Formats.Feet(y);
        }

        if (roll >= 0.50)
        {
            var (lat, lon) = roll < 0.95 ? mess.LatLon(random, b.Latitude, b.Longitude) : (null, null);
            csv["y_latitude"] = lat;
            csv["x_longitude"] = lon;
        }
    }

    private static string OccupancyType(BuildingProfile p) => p.LandUse switch
    {
        "R1" or "R2" => "1-2FAM",
        "R3" => "1-3FAM",
        "R4" => "1-4FAM",
        "A" or "CM" => "Multi",
        "RC" => "Mixed",
        "C" or "I" => "Comm",
        "RL" or "CL" => "VacLd",
        _ => "Other",
    };
}
