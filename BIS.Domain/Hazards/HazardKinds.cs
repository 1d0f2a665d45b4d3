namespace BIS.Domain.Hazards;

/// <summary>The stable <see cref="HazardFlag.Kind"/> values the rules raise; also what equipment rules match on.</summary>
public static class HazardKinds
{
    public const string Hazmat = "hazmat";
    public const string Vacant = "vacant";
    public const string UnsafeStructure = "unsafe-structure";
    public const string Demolition = "demolition";
    public const string ChangeOfOccupancy = "change-of-occupancy";
    public const string Construction = "construction";
    /// <summary>Sprinkler or alarm work under permit: the system may be impaired.</summary>
    public const string FireSystemWork = "fire-system-work";
    public const string HighRise = "high-rise";
    public const string OldWoodFrame = "old-wood-frame";
    public const string TrussRoof = "truss-roof";
    public const string SolarPv = "solar-pv";
    public const string BatteryStorage = "battery-storage";
    public const string NoSprinkler = "no-sprinkler";
    public const string PartialSprinkler = "partial-sprinkler";
    public const string Standpipe = "standpipe";
    public const string Fdc = "fdc";
    public const string KnoxBox = "knox-box";
    public const string AlarmPanel = "alarm-panel";
    public const string PriorFires = "prior-fires";
    public const string MissingAlarms = "missing-alarms";
    public const string BlockedEgress = "blocked-egress";
    public const string IllegalOccupancy = "illegal-occupancy";
    /// <summary>Nearest in-service hydrant too far, or none in service within the search radius.</summary>
    public const string HydrantDistance = "hydrant-distance";
    public const string HydrantOutOfService = "hydrant-out-of-service";
    public const string HydrantLowFlow = "hydrant-low-flow";
}

/// <summary>
/// Facts a rule attaches to a flag so that equipment rules can ask for more than the kind
/// ("foam" wants a hazmat flag that is a flammable liquid). Not shown to users.
/// </summary>
public static class HazardTraits
{
    public const string FlammableLiquid = "flammable-liquid";
    public const string ToxicInhalation = "toxic-inhalation";
    /// <summary>NFPA health rating at or above <see cref="HazardRuleOptions.DeconMinHealth"/>.</summary>
    public const string SevereHealth = "severe-health";
    public const string WaterReactive = "water-reactive";
    public const string Oxidizer = "oxidizer";
    public const string Polymerizes = "polymerizes";
    public const string LargeQuantity = "large-quantity";
}
