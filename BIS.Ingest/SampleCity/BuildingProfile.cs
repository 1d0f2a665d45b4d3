namespace BIS.Ingest.SampleCity;

/// <summary>Where a lot sits, which decides what is likely built on it.</summary>
internal enum LotZone
{
    Residential,
    /// <summary>Neighbourhood main street: shops under flats.</summary>
    MainStreet,
    /// <summary>Working waterfront: fuel, fish, warehouses, a few new towers.</summary>
    Waterfront,
    /// <summary>Very large lot: airport, school, park, yard.</summary>
    Large,
    /// <summary>Dense centre: apartment and office towers.</summary>
    Downtown,
}

/// <summary>The assessor's view of what stands on a parcel.</summary>
internal sealed record BuildingProfile
{
    public required string LandUse { get; init; }
    public required string LandUseDescription { get; init; }
    public required string LandUseCode { get; init; }
    public string? BuildingType { get; init; }
    /// <summary>Null for vacant land.</summary>
    public decimal? Floors { get; init; }
    public int ResidentialUnits { get; init; }
    public int CommercialUnits { get; init; }
    /// <summary>R wood frame, C masonry, B reinforced concrete, A fireproof steel, S metal.</summary>
    public string? StructureClass { get; init; }
    public int? YearBuilt { get; init; }
    public int? YearRemodeled { get; init; }

    public bool IsVacantLand => Floors is null;
    public bool IsResidential => LandUse is "R1" or "R2" or "R3" or "R4" or "A" or "CM";
    public bool IsCommercialOrIndustrial => LandUse is "C" or "I" or "RC" or "CL";
    public bool IsHighRise => Floors >= 7;

    /// <summary>The same building with a year built known from a real file (a remodel before it is dropped).</summary>
    public BuildingProfile BuiltIn(int year) =>
        this with { YearBuilt = year, YearRemodeled = YearRemodeled is { } remodeled && remodeled > year ? remodeled : null };

    private static readonly (string Lu, double Weight)[] ResidentialMix =
        [("R1", 22), ("R2", 25), ("R3", 30), ("R4", 8), ("A", 4), ("CM", 4), ("RC", 2), ("C", 2), ("E", 2), ("RL", 1)];

    private static readonly (string Lu, double Weight)[] MainStreetMix =
        [("RC", 30), ("C", 25), ("R3", 15), ("R2", 5), ("A", 8), ("CM", 7), ("E", 5), ("R4", 5)];

    private static readonly (string Lu, double Weight)[] WaterfrontMix =
        [("I", 35), ("C", 25), ("CL", 5), ("E", 10), ("A", 10), ("R3", 10), ("R2", 5)];

    private static readonly (string Lu, double Weight)[] LargeMix = [("E", 45), ("I", 25), ("C", 15), ("A", 15)];

    private static readonly (string Lu, double Weight)[] DowntownMix = [("A", 35), ("C", 30), ("CM", 15), ("RC", 10), ("E", 10)];

    /// <summary>Draws a plausible building for a lot in <paramref name="zone"/>.</summary>
    public static BuildingProfile Draw(Random random, LotZone zone, DateOnly asOf)
    {
        var mix = zone switch
        {
            LotZone.MainStreet => MainStreetMix,
            LotZone.Waterfront => WaterfrontMix,
            LotZone.Large => LargeMix,
            LotZone.Downtown => DowntownMix,
            _ => ResidentialMix,
        };
        return ForLandUse(random, random.Weighted(mix), zone, asOf);
    }

    /// <summary>A building of a given land use (the real single-family list forces "R1").</summary>
    public static BuildingProfile ForLandUse(Random random, string landUse, LotZone zone, DateOnly asOf)
    {
        // East Boston has a few dozen buildings of seven floors or more, on the waterfront and the big lots.
        var towerOdds = zone switch
        {
            LotZone.Downtown => 0.6,
            LotZone.Waterfront or LotZone.Large => 0.35,
            LotZone.MainStreet => 0.1,
            _ => 0.04,
        };
        decimal? floors;
        int resUnits = 0, comUnits = 0;
        string luc, desc;
        string? type;
        switch (landUse)
        {
            case "R1":
                floors = random.Pick([1.5m, 2m, 2m, 2.5m]);
                resUnits = 1;
                (luc, desc) = ("101", "RESIDENTIAL 1-FAMILY");
                type = random.Pick(["CL - Colonial", "CP - Cape", "CV - Conventional", "RE - Row End", "RM - Row Middle", "VT - Victorian", "SD - Semi-Det"]);
                break;
            case "R2":
                floors = random.Pick([2m, 2.5m, 2.5m, 3m]);
                resUnits = 2;
                (luc, desc) = ("104", "RESIDENTIAL 2-FAMILY");
                type = random.Pick(["TF - Two-Fam Stack", "SD - Semi-Det", "DX - Duplex", "RE - Row End"]);
                break;
            case "R3":
                floors = random.Pick([3m, 3m, 3m, 3.5m]);
                resUnits = 3;
                (luc, desc) = ("105", "RESIDENTIAL 3-FAMILY");
                type = random.Pick(["DK - Decker", "DK - Decker", "RM - Row Middle", "RE - Row End"]);
                break;
            case "R4":
                floors = random.Between(3, 4);
                resUnits = random.Between(4, 6);
                (luc, desc) = ("111", "RESIDENTIAL 4 OR MORE FAMILY");
                type = random.Pick(["RM - Row Middle", "RE - Row End", "MF - Multi-Family"]);
                break;
            case "A":
                floors = random.Chance(towerOdds) ? random.Between(7, zone == LotZone.Downtown ? 30 : 16) : random.Between(4, 6);
                resUnits = (int)(floors.Value * random.Between(4, 10));
                (luc, desc) = (resUnits < 31 ? "112" : resUnits < 100 ? "113" : "114", "RESIDENTIAL 7 OR MORE UNITS");
                type = floors >= 7 ? "HR - High-Rise" : "MR - Mid-Rise";
                break;
            case "CM":
                floors = random.Chance(towerOdds * 0.6) ? random.Between(7, 20) : random.Between(3, 6);
                resUnits = (int)(floors.Value * random.Between(2, 6));
                (luc, desc) = ("995", "CONDO MAIN");
                type = floors >= 7 ? "HR - High-Rise" : "MR - Mid-Rise";
                break;
            case "RC":
                floors = random.Between(2, 4);
                resUnits = random.Between(1, 6);
                comUnits = random.Between(1, 2);
                (luc, desc) = (random.Pick(["013", "031"]), "MIXED USE (RES AND COMM)");
                type = "MU - Mixed Use";
                break;
            case "C":
                floors = random.Chance(zone == LotZone.Downtown ? 0.5 : towerOdds / 5) ? random.Between(7, 24)
                    : random.Chance(0.15) ? random.Between(4, 6) : random.Between(1, 3);
                comUnits = random.Between(1, 6);
                (luc, desc) = (random.Pick(["325", "326", "332", "337", "340", "343", "362"]), "COMMERCIAL");
                type = null;
                break;
            case "I":
                floors = random.Chance(0.8) ? random.Between(1, 2) : 3;
                comUnits = random.Between(1, 3);
                (luc, desc) = (random.Pick(["400", "401", "402", "404", "420"]), "INDUSTRIAL");
                type = null;
                break;
            case "E":
                floors = random.Chance(towerOdds / 3) ? random.Between(5, 9) : random.Between(1, 4);
                (luc, desc) = (random.Pick(["903", "904", "906", "907", "908", "965", "985"]), "EXEMPT");
                type = null;
                break;
            case "CL":
                floors = null;
                (luc, desc) = ("390", "COMMERCIAL LAND");
                type = null;
                break;
            default:
                floors = null;
                landUse = "RL";
                (luc, desc) = ("130", "RESIDENTIAL LAND");
                type = null;
                break;
        }

        var (yearBuilt, remodeled) = floors is null ? (null, null) : Years(random, landUse, floors.Value, asOf);
        return new BuildingProfile
        {
            LandUse = landUse,
            LandUseDescription = desc,
            LandUseCode = luc,
            BuildingType = type,
            Floors = floors,
            ResidentialUnits = resUnits,
            CommercialUnits = comUnits,
            StructureClass = floors is null ? null : StructureClassFor(random, landUse, floors.Value),
            YearBuilt = yearBuilt,
            YearRemodeled = remodeled,
        };
    }

    private static string StructureClassFor(Random random, string landUse, decimal floors) => landUse switch
    {
        "R1" or "R2" or "R3" or "R4" => random.Chance(0.85) ? "R" : "C",
        "A" or "CM" when floors >= 7 => random.Chance(0.75) ? "B" : "A",
        "A" or "CM" => random.Weighted<string>([("C", 50), ("R", 35), ("B", 15)]),
        "RC" => random.Chance(0.6) ? "C" : "R",
        "C" when floors >= 7 => random.Chance(0.7) ? "B" : "A",
        "C" => random.Weighted<string>([("C", 50), ("B", 25), ("R", 15), ("S", 10)]),
        "I" => random.Weighted<string>([("S", 40), ("C", 40), ("B", 20)]),
        _ => random.Weighted<string>([("C", 50), ("B", 40), ("R", 10)]),
    };

    private static (int? Built, int? Remodeled) Years(Random random, string landUse, decimal floors, DateOnly asOf)
    {
        int built = landUse switch
        {
            "R1" or "R2" or "R3" or "R4" or "RC" => random.Weighted<Func<int>>([
                (() => random.Between(1880, 1930), 70), (() => random.Between(1931, 1970), 15), (() => random.Between(1971, asOf.Year - 1), 15)])(),
            "A" or "CM" when floors >= 7 => random.Between(1965, asOf.Year - 1),
            "A" or "CM" => random.Between(1895, asOf.Year - 1),
            "I" => random.Between(1920, 1995),
            "E" => random.Between(1890, 2018),
            _ => random.Between(1900, asOf.Year - 1),
        };
        int? remodeled = random.Chance(0.3) ? random.Between(Math.Min(built + 10, asOf.Year - 1), asOf.Year - 1) : null;
        return (built, remodeled);
    }
}
