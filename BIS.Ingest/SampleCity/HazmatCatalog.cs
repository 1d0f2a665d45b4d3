namespace BIS.Ingest.SampleCity;

/// <summary>A stored hazardous material: UN number and name exactly as the ERG index lists them, NFPA 704 diamond, typical amounts.</summary>
internal sealed record HazmatMaterial(
    string UnNumber, string ErgName, int Health, int Fire, int Reactivity, string? Special, string Unit, double MinQuantity, double MaxQuantity, string[] Storage);

/// <summary>A kind of business that holds a hazmat permit, with the materials it typically stores.</summary>
internal sealed record HazmatBusiness(string Kind, string[] NameForms, HazmatMaterial[] Materials);

/// <summary>What East Boston's permit holders store: fuel, refrigeration ammonia, pool chlorine, welding gases, batteries.</summary>
internal static class HazmatCatalog
{
    private static readonly HazmatMaterial Gasoline = new("1203", "Gasoline", 1, 3, 0, null, "gal", 4_000, 30_000, ["Underground storage tank, front lot", "UST under pump island"]);
    private static readonly HazmatMaterial Diesel = new("1202", "Diesel fuel", 1, 2, 0, null, "gal", 500, 10_000, ["Day tank, basement generator room", "Above-ground tank, rear yard", "Underground storage tank"]);
    private static readonly HazmatMaterial FuelOil = new("1993", "Fuel oil", 1, 2, 0, null, "gal", 275, 5_000, ["Basement boiler room", "Tank room, lower level"]);
    private static readonly HazmatMaterial WasteOil = new("1993", "Combustible liquid, n.o.s.", 1, 2, 0, null, "gal", 55, 550, ["Waste oil tank, service bay", "Drum storage, rear of garage"]);
    private static readonly HazmatMaterial Lpg = new("1075", "Liquefied petroleum gas", 1, 4, 0, null, "lb", 100, 2_000, ["Cylinder exchange cage, front sidewalk", "Outdoor cylinder rack, rear"]);
    private static readonly HazmatMaterial Propane = new("1978", "Propane", 2, 4, 0, null, "lb", 40, 1_000, ["Roof, kitchen equipment", "Forklift cylinder cage, loading dock", "Rear yard tank"]);
    private static readonly HazmatMaterial Ammonia = new("1005", "Ammonia, anhydrous", 3, 1, 0, null, "lb", 1_000, 12_000, ["Refrigeration machine room", "Engine room, north wall"]);
    private static readonly HazmatMaterial Chlorine = new("1017", "Chlorine", 4, 0, 0, "OX", "lb", 150, 2_000, ["Chlorine room, 150 lb cylinders", "Pool equipment room, basement"]);
    private static readonly HazmatMaterial AmmoniaSolution = new("2672", "Ammonia solution, with more than 10% but not more than 35% ammonia", 3, 0, 0, null, "gal", 55, 330, ["Chemical storage room", "Janitor closet, first floor"]);
    private static readonly HazmatMaterial Acetone = new("1090", "Acetone", 1, 3, 0, null, "gal", 5, 110, ["Flammable liquids cabinet", "Paint booth mixing room"]);
    private static readonly HazmatMaterial LithiumIon = new("3480", "Lithium ion batteries (including lithium ion polymer batteries)", 2, 1, 1, null, "kWh", 50, 4_000, ["Battery room, basement", "Outdoor BESS enclosure, rear lot", "Electrical room, roof level"]);
    private static readonly HazmatMaterial LeadAcid = new("2794", "Batteries, wet, filled with acid", 3, 0, 2, "W", "lb", 2_000, 20_000, ["UPS battery room", "Telecom equipment room"]);
    private static readonly HazmatMaterial Acetylene = new("1001", "Acetylene, dissolved", 0, 4, 3, null, "cu ft", 100, 1_200, ["Cylinder storage, welding shop", "Gas cage, rear of building"]);
    private static readonly HazmatMaterial Oxygen = new("1072", "Oxygen, compressed", 0, 0, 0, "OX", "cu ft", 250, 6_000, ["Cylinder storage, welding shop", "Medical gas room"]);
    private static readonly HazmatMaterial LiquidOxygen = new("1073", "Oxygen, refrigerated liquid (cryogenic liquid)", 3, 0, 0, "OX", "gal", 500, 3_000, ["Bulk tank, service yard"]);
    private static readonly HazmatMaterial Paint = new("1263", "Paint (flammable)", 2, 3, 0, null, "gal", 50, 1_500, ["Paint storage room", "Flammable liquids cabinet"]);
    private static readonly HazmatMaterial Ethanol = new("1170", "Ethanol", 2, 3, 0, null, "gal", 10, 120, ["Laboratory, flammable cabinet"]);
    private static readonly HazmatMaterial Isopropanol = new("1219", "Isopropyl alcohol", 1, 3, 0, null, "gal", 10, 110, ["Pharmacy stock room", "Laboratory"]);
    private static readonly HazmatMaterial Nitrogen = new("1066", "Nitrogen, compressed", 0, 0, 0, "SA", "cu ft", 300, 5_000, ["Gas cylinder cage"]);
    private static readonly HazmatMaterial CarbonDioxide = new("1013", "Carbon dioxide", 2, 0, 0, "SA", "lb", 50, 750, ["Beverage CO2 tank, basement", "Bulk CO2, back room"]);
    private static readonly HazmatMaterial Hypochlorite = new("1791", "Sodium hypochlorite", 3, 0, 1, "OX", "gal", 55, 1_000, ["Pool chemical room", "Chemical storage room"]);
    private static readonly HazmatMaterial HydrochloricAcid = new("1789", "Hydrochloric acid", 3, 0, 1, null, "gal", 15, 330, ["Pool chemical room", "Acid cabinet"]);
    private static readonly HazmatMaterial SulfuricAcid = new("1830", "Sulfuric acid", 3, 0, 2, "W", "gal", 15, 500, ["Acid cabinet", "Chemical storage room"]);
    private static readonly HazmatMaterial CausticSoda = new("1824", "Sodium hydroxide, solution", 3, 0, 1, null, "gal", 30, 500, ["Chemical storage room"]);
    private static readonly HazmatMaterial JetFuel = new("1863", "Fuel, aviation, turbine engine", 1, 2, 0, null, "gal", 20_000, 500_000, ["Tank farm, above-ground tanks", "Hydrant fueling system, apron"]);
    private static readonly HazmatMaterial EthyleneOxide = new("1040", "Ethylene oxide", 3, 4, 3, null, "lb", 10, 200, ["Sterilizer room, central supply"]);

    public static readonly IReadOnlyList<HazmatMaterial> Materials =
    [
        Gasoline, Diesel, FuelOil, WasteOil, Lpg, Propane, Ammonia, Chlorine, AmmoniaSolution, Acetone, LithiumIon, LeadAcid,
        Acetylene, Oxygen, LiquidOxygen, Paint, Ethanol, Isopropanol, Nitrogen, CarbonDioxide, Hypochlorite, HydrochloricAcid,
        SulfuricAcid, CausticSoda, JetFuel, EthyleneOxide,
    ];

    private static readonly HazmatBusiness GasStation = new("gas station", ["{0} GAS & SERVICE", "{0} MOBIL", "{0} SHELL INC", "{0} FUEL STOP"], [Gasoline, Diesel, Lpg]);
    private static readonly HazmatBusiness AutoRepair = new("auto repair", ["{0} AUTO REPAIR INC", "{0} AUTO BODY", "{0} COLLISION CENTER"], [WasteOil, Acetone, Paint, Acetylene, Oxygen, LeadAcid]);
    private static readonly HazmatBusiness Restaurant = new("restaurant", ["{0} PIZZERIA", "{0} RESTAURANT", "TAQUERIA {0}", "{0} BAKERY"], [Propane, Lpg, CarbonDioxide]);
    private static readonly HazmatBusiness ColdStorage = new("cold storage", ["{0} SEAFOOD CO", "{0} COLD STORAGE", "{0} FISH PIER INC"], [Ammonia, Propane, LeadAcid]);
    private static readonly HazmatBusiness FuelTerminal = new("fuel terminal", ["{0} FUEL TERMINAL", "{0} PETROLEUM CORP", "{0} OIL CO"], [Gasoline, Diesel, FuelOil]);
    private static readonly HazmatBusiness Welding = new("fabrication", ["{0} WELDING & FABRICATION", "{0} IRON WORKS", "{0} MARINE REPAIR"], [Acetylene, Oxygen, Propane, Nitrogen]);
    private static readonly HazmatBusiness Cleaning = new("laundry", ["{0} LAUNDROMAT", "{0} CLEANERS", "{0} JANITORIAL SUPPLY"], [AmmoniaSolution, Hypochlorite, CausticSoda]);
    private static readonly HazmatBusiness DataCenter = new("telecom", ["{0} TELECOM HUB", "{0} DATA CENTER", "{0} ENERGY STORAGE LLC"], [LithiumIon, LeadAcid, Diesel]);
    private static readonly HazmatBusiness Hotel = new("hotel", ["{0} HOTEL", "{0} INN & SUITES"], [Chlorine, Hypochlorite, HydrochloricAcid, Diesel, Propane]);
    private static readonly HazmatBusiness Pool = new("pool", ["{0} COMMUNITY CENTER", "{0} YMCA", "{0} POOL"], [Chlorine, Hypochlorite, HydrochloricAcid]);
    private static readonly HazmatBusiness Health = new("health care", ["{0} HEALTH CENTER", "{0} MEDICAL BUILDING"], [LiquidOxygen, Oxygen, Ethanol, Isopropanol, EthyleneOxide, Diesel]);
    private static readonly HazmatBusiness School = new("school", ["{0} HIGH SCHOOL", "{0} ACADEMY"], [SulfuricAcid, Ethanol, Acetone, Diesel]);
    private static readonly HazmatBusiness Airport = new("airport", ["MASSPORT {0} FUEL FARM", "{0} AVIATION SERVICES"], [JetFuel, Diesel, Gasoline]);
    private static readonly HazmatBusiness Tower = new("residential tower", ["{0} RESIDENCES", "{0} APARTMENTS"], [Diesel, LithiumIon, Chlorine]);
    private static readonly HazmatBusiness Contractor = new("contractor yard", ["{0} CONSTRUCTION YARD", "{0} EQUIPMENT RENTAL"], [Propane, Diesel, Acetylene, Oxygen]);

    /// <summary>How likely a parcel of this land use holds a hazmat permit, relative to commercial.</summary>
    public static double Weight(BuildingProfile profile) => profile.LandUse switch
    {
        "I" => 1.5,
        "C" => 1.0,
        "CL" => 0.4,
        "E" => 0.4,
        "RC" => 0.3,
        "A" or "CM" => profile.IsHighRise ? 0.5 : 0.06,
        "R4" => 0.01,
        _ => 0.003,
    };

    public static HazmatBusiness BusinessFor(Random random, CityBuilding building) => building.Profile.LandUse switch
    {
        "I" => random.Weighted<HazmatBusiness>([(ColdStorage, 3), (FuelTerminal, 2), (Welding, 2), (AutoRepair, 2), (DataCenter, 1)]),
        "C" => random.Weighted<HazmatBusiness>([(GasStation, 3), (AutoRepair, 3), (Restaurant, 3), (Cleaning, 1), (DataCenter, 1), (Hotel, building.Profile.IsHighRise ? 4 : 0.5)]),
        "RC" => random.Weighted<HazmatBusiness>([(Restaurant, 4), (Cleaning, 2), (AutoRepair, 1)]),
        "E" => random.Weighted<HazmatBusiness>([(School, 2), (Health, 2), (Pool, 2), (Airport, building.Zone == LotZone.Large ? 2 : 0.1)]),
        "CL" => Contractor,
        "A" or "CM" => Tower,
        _ => random.Weighted<HazmatBusiness>([(Restaurant, 1), (Contractor, 1)]),
    };
}
