namespace BIS.Domain.Hazards;

/// <summary>
/// The built-in lists behind <see cref="HazardRuleOptions"/> settings left unset. Codes and phrases
/// come from what Boston ISD actually writes in its violations export (780 CMR numbering).
/// </summary>
public static class HazardRuleDefaults
{
    public static IReadOnlyList<string> WoodFrameStructureClasses { get; } = ["D", "R"];

    public static IReadOnlyList<string> WoodFrameConstructionTypes { get; } = ["V-A", "V-B", "VA", "VB", "V"];

    public static IReadOnlyList<string> FireIncidentTypePrefixes { get; } = ["1"];

    public static IReadOnlyList<string> UnsafeViolationCodes { get; } = ["116", "121", "5121", "R115"];

    public static IReadOnlyList<string> UnsafeViolationKeywords { get; } =
    [
        "unsafe and dangerous", "unsafe & dangerous", "unsafe structure", "dangerous structure",
        "unfit for human occupancy", "condemn", "imminent danger", "collapse",
    ];

    public static IReadOnlyList<string> VacantViolationCodes { get; } = [];

    public static IReadOnlyList<string> VacantViolationKeywords { get; } = ["vacant", "abandoned", "boarded"];

    public static IReadOnlyList<string> MissingAlarmViolationCodes { get; } = ["907", "9072", "315.1", "R314", "R315"];

    public static IReadOnlyList<string> MissingAlarmViolationKeywords { get; } =
    [
        "smoke alarm", "smoke detector", "carbon monoxide", "co alarm", "co detector", "fire alarm",
        "fire warning", "heat detector", "fire protection system",
    ];

    public static IReadOnlyList<string> BlockedEgressViolationCodes { get; } =
        ["1003", "1006", "1010.1.9", "1020", "1021", "1023", "1027", "1029", "1030", "1031", "R310", "R311"];

    public static IReadOnlyList<string> BlockedEgressViolationKeywords { get; } =
        ["egress", "exit", "emergency escape", "fire escape", "locks and latches", "blocked"];

    public static IReadOnlyList<string> IllegalOccupancyViolationCodes { get; } = ["120.1", "111.1", "111.4", "4-3"];

    public static IReadOnlyList<string> IllegalOccupancyViolationKeywords { get; } =
    [
        "illegal", "occupied prior to co", "certificate of occupancy", "cert. of occ", "use of premises",
        "uses not permitted", "use & occupancy", "overcrowd",
    ];

    public static IReadOnlyList<int> FoamErgGuides { get; } = [127, 128, 131];

    /// <summary>The default equipment table (see <see cref="EquipmentRuleOptions"/>); a fresh copy each call.</summary>
    public static List<EquipmentRuleOptions> Equipment =>
    [
        Row("hazmat-company", "Hazardous materials company", [HazardKinds.Hazmat]),
        Row("hazmat-company", "Hazardous materials company", [HazardKinds.BatteryStorage], min: Severity.High),
        Row("foam", "Foam unit (Class B foam)", [HazardKinds.Hazmat], traits: [HazardTraits.FlammableLiquid]),
        Row("decon", "Decontamination unit", [HazardKinds.Hazmat], traits: [HazardTraits.ToxicInhalation, HazardTraits.SevereHealth]),
        Row("tower-ladder", "Tower ladder", [HazardKinds.HighRise]),
        Row("high-rise-pack", "High-rise hose packs and standpipe kit", [HazardKinds.HighRise, HazardKinds.Standpipe]),
        Row("heavy-rescue", "Heavy rescue (collapse)",
            [HazardKinds.UnsafeStructure, HazardKinds.Vacant, HazardKinds.Demolition, HazardKinds.TrussRoof], min: Severity.High),
        Row("safety-officer", "Safety officer (collapse zone)",
            [HazardKinds.UnsafeStructure, HazardKinds.Vacant, HazardKinds.Demolition, HazardKinds.TrussRoof], min: Severity.High),
        Row("thermal-camera", "Thermal imaging camera", [HazardKinds.BatteryStorage]),
        Row("utility-notify", "Notify electric utility (energized equipment)", [HazardKinds.SolarPv, HazardKinds.BatteryStorage]),
        Row("tanker", "Tanker (water supply)", [HazardKinds.HydrantDistance]),
    ];

    private static EquipmentRuleOptions Row(
        string code, string name, List<string> kinds, List<string>? traits = null, Severity min = Severity.Info) =>
        new() { Code = code, Name = name, WhenFlagKinds = kinds, WhenTraits = traits ?? [], MinFlagSeverity = min };
}
