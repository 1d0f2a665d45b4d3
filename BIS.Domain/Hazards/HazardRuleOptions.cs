using System.ComponentModel.DataAnnotations;

namespace BIS.Domain.Hazards;

/// <summary>
/// Every threshold of the hazard rules that a department may set for itself, bound from the
/// "HazardRules" configuration section. The defaults are what a US urban department would expect; each
/// says why.
/// </summary>
/// <remarks>
/// List settings are null by default and then use <see cref="HazardRuleDefaults"/>. Setting one replaces
/// the default list instead of adding to it: the configuration binder appends to lists that already hold
/// items, so a default list here could never be shortened from configuration.
/// </remarks>
public sealed class HazardRuleOptions : IValidatableObject
{
    public const string SectionName = "HazardRules";

    // ---- Building ----

    /// <summary>
    /// Floors at which a building is flagged high-rise. Codes call a building high-rise when an occupied
    /// floor is more than 75 ft (23 m) above fire-department access — about the 7th floor at 10–11 ft per
    /// storey, and past the useful reach of ground ladders and most aerials.
    /// </summary>
    [Range(2, 200)]
    public int HighRiseFloors { get; set; } = 7;

    /// <summary>
    /// Wood-frame buildings built before this year are flagged. Balloon framing — wall cavities open from
    /// basement to attic, so fire runs up unseen — was the norm until platform framing took over around 1940.
    /// </summary>
    [Range(1700, 2100)]
    public int OldWoodFrameBeforeYear { get; set; } = 1940;

    /// <summary>Assessor structure classes that mean wood frame. Default: "D" (Marshall &amp; Swift wood frame) and "R".</summary>
    public List<string>? WoodFrameStructureClasses { get; set; }

    /// <summary>Pre-incident-plan construction types that mean wood frame. Default: IBC Type V ("V-A", "V-B").</summary>
    public List<string>? WoodFrameConstructionTypes { get; set; }

    // ---- Fire history ----

    /// <summary>
    /// Prior fires count when they are this recent. Recent fires point at conditions that are probably
    /// still there (hoarding, arson, vacancy, faulty wiring); older history mostly describes other owners.
    /// </summary>
    [Range(1, 50)]
    public int PriorFireLookbackYears { get; set; } = 5;

    /// <summary>This many fires inside the lookback raise the flag from moderate to high: a pattern, not an accident.</summary>
    [Range(2, 100)]
    public int PriorFireRepeatCount { get; set; } = 3;

    /// <summary>
    /// NFIRS incident-type prefixes that count as fires. Default: "1" (the 100 series, fires). Incidents
    /// without a type (the geocoded fire extract) are fires by construction and always count.
    /// </summary>
    public List<string>? FireIncidentTypePrefixes { get; set; }

    // ---- Code-enforcement violations ----

    /// <summary>
    /// Open violations whose status date is older than this are ignored; 0 keeps all. Boston's export
    /// carries "open" cases from 2009 that were never closed administratively; a hazard card full of
    /// decade-old leftovers teaches dispatchers to skip it.
    /// </summary>
    [Range(0, 100)]
    public int ViolationLookbackYears { get; set; } = 10;

    /// <summary>
    /// Violation codes meaning an unsafe or dangerous structure. A code matches itself and its
    /// subsections ("116" matches "116.2"). Default: 780 CMR 116/121 and relatives.
    /// </summary>
    public List<string>? UnsafeViolationCodes { get; set; }

    /// <summary>Description phrases (case-insensitive) meaning an unsafe structure, e.g. "Unsafe and Dangerous".</summary>
    public List<string>? UnsafeViolationKeywords { get; set; }

    public List<string>? VacantViolationCodes { get; set; }

    /// <summary>Description phrases meaning a vacant building, e.g. "vacant", "abandoned", "boarded".</summary>
    public List<string>? VacantViolationKeywords { get; set; }

    /// <summary>Codes for missing or defective smoke/CO alarms and fire protection systems (IBC/IFC 907, 315…).</summary>
    public List<string>? MissingAlarmViolationCodes { get; set; }

    public List<string>? MissingAlarmViolationKeywords { get; set; }

    /// <summary>Codes for blocked or missing means of egress (IBC chapter 10, IRC R310/R311).</summary>
    public List<string>? BlockedEgressViolationCodes { get; set; }

    public List<string>? BlockedEgressViolationKeywords { get; set; }

    /// <summary>Codes for occupancy without a certificate of occupancy or use permit.</summary>
    public List<string>? IllegalOccupancyViolationCodes { get; set; }

    public List<string>? IllegalOccupancyViolationKeywords { get; set; }

    // ---- Building permits ----

    /// <summary>
    /// An open permit without an expiration date is treated as finished this many months after issue.
    /// Permits lapse when work does not start within six months; an "open" permit two years old has
    /// almost always been left open on paper after the work ended.
    /// </summary>
    [Range(1, 240)]
    public int PermitStaleAfterMonths { get; set; } = 24;

    // ---- Hazardous materials ----

    /// <summary>An NFPA 704 rating at or above this makes a hazmat flag critical (4: deadly / extremely flammable / may detonate).</summary>
    [Range(0, 4)]
    public int HazmatCriticalNfpaRating { get; set; } = 4;

    /// <summary>An NFPA 704 rating at or above this makes a hazmat flag high; below, moderate.</summary>
    [Range(0, 4)]
    public int HazmatHighNfpaRating { get; set; } = 3;

    /// <summary>
    /// Liquid quantity (US gallons) from which a permit counts as large and its flag is raised one step.
    /// 55 gal (208 L, one drum) is where the ERG's "small spill" ends.
    /// </summary>
    [Range(0.0, 10_000_000.0)]
    public double HazmatLargeQuantityGallons { get; set; } = 55;

    /// <summary>Mass (lb) from which a permit counts as large: 660 lb (300 kg) is the ERG's small-spill limit for solids and gases.</summary>
    [Range(0.0, 100_000_000.0)]
    public double HazmatLargeQuantityPounds { get; set; } = 660;

    /// <summary>Flammable liquids at or above this NFPA fire rating call for foam (3: ignites at normal temperatures).</summary>
    [Range(0, 4)]
    public int FoamMinFlammability { get; set; } = 3;

    /// <summary>ERG guides that call for foam. Default: 127 (polar/water-miscible flammable liquids), 128 (non-polar), 131 (toxic flammable liquids).</summary>
    public List<int>? FoamErgGuides { get; set; }

    /// <summary>NFPA health rating from which decontamination is recommended (4: brief exposure may be fatal). TIH materials always call for it.</summary>
    [Range(0, 4)]
    public int DeconMinHealth { get; set; } = 4;

    // ---- Pre-incident plans ----

    /// <summary>
    /// Battery energy storage at or above this (kWh) is a high hazard. 20 kWh is where NFPA 855 and IFC
    /// 1207 begin to regulate lithium-ion storage: enough for thermal runaway and deflagration.
    /// </summary>
    [Range(0.1, 1_000_000.0)]
    public double BatteryStorageKwhThreshold { get; set; } = 20;

    // ---- Hydrants ----

    /// <summary>
    /// Nearest in-service hydrant farther than this (metres) is a high hazard. 150 m ≈ 500 ft: the usual
    /// maximum hydrant spacing and roughly what a first-due engine lays before water supply needs a relay or tankers.
    /// </summary>
    [Range(10.0, 10_000.0)]
    public double HydrantMaxDistanceMeters { get; set; } = 150;

    /// <summary>
    /// How far (metres) to look for hydrants; the index passes hydrants within this radius. 300 m ≈ 1,000 ft,
    /// beyond which ISO grading gives no credit for a hydrant.
    /// </summary>
    [Range(10.0, 10_000.0)]
    public double HydrantSearchRadiusMeters { get; set; } = 300;

    /// <summary>Nearest in-service hydrant below this flow (gpm) is noted. 500 gpm is the NFPA 291 class C (red) limit.</summary>
    [Range(0, 100_000)]
    public int HydrantLowFlowGpm { get; set; } = 500;

    // ---- Recommendations ----

    /// <summary>The equipment table; null uses <see cref="HazardRuleDefaults.Equipment"/>. Setting it replaces the whole table.</summary>
    public List<EquipmentRuleOptions>? Equipment { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HydrantSearchRadiusMeters < HydrantMaxDistanceMeters)
        {
            yield return new ValidationResult(
                $"{nameof(HydrantSearchRadiusMeters)} ({HydrantSearchRadiusMeters}) must be at least {nameof(HydrantMaxDistanceMeters)} ({HydrantMaxDistanceMeters}).",
                [nameof(HydrantSearchRadiusMeters)]);
        }

        if (HazmatHighNfpaRating > HazmatCriticalNfpaRating)
        {
            yield return new ValidationResult(
                $"{nameof(HazmatHighNfpaRating)} ({HazmatHighNfpaRating}) must not exceed {nameof(HazmatCriticalNfpaRating)} ({HazmatCriticalNfpaRating}).",
                [nameof(HazmatHighNfpaRating)]);
        }

        foreach (var (name, list) in KeywordLists())
        {
            if (list is not null && list.Any(string.IsNullOrWhiteSpace))
            {
                yield return new ValidationResult($"{name} must not contain blank entries: a blank phrase would match every violation.", [name]);
            }
        }

        for (var i = 0; i < (Equipment?.Count ?? 0); i++)
        {
            var row = Equipment![i];
            var results = new List<ValidationResult>();
            if (row is null)
            {
                yield return new ValidationResult($"{nameof(Equipment)}[{i}] is empty.", [nameof(Equipment)]);
                continue;
            }

            if (!Validator.TryValidateObject(row, new ValidationContext(row), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"{nameof(Equipment)}[{i}]: {result.ErrorMessage}", [nameof(Equipment)]);
                }
            }
        }
    }

    private IEnumerable<(string Name, List<string>? List)> KeywordLists() =>
    [
        (nameof(WoodFrameStructureClasses), WoodFrameStructureClasses),
        (nameof(WoodFrameConstructionTypes), WoodFrameConstructionTypes),
        (nameof(FireIncidentTypePrefixes), FireIncidentTypePrefixes),
        (nameof(UnsafeViolationCodes), UnsafeViolationCodes),
        (nameof(UnsafeViolationKeywords), UnsafeViolationKeywords),
        (nameof(VacantViolationCodes), VacantViolationCodes),
        (nameof(VacantViolationKeywords), VacantViolationKeywords),
        (nameof(MissingAlarmViolationCodes), MissingAlarmViolationCodes),
        (nameof(MissingAlarmViolationKeywords), MissingAlarmViolationKeywords),
        (nameof(BlockedEgressViolationCodes), BlockedEgressViolationCodes),
        (nameof(BlockedEgressViolationKeywords), BlockedEgressViolationKeywords),
        (nameof(IllegalOccupancyViolationCodes), IllegalOccupancyViolationCodes),
        (nameof(IllegalOccupancyViolationKeywords), IllegalOccupancyViolationKeywords),
    ];
}
