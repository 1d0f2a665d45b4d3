using BIS.Domain.Hazards;
using BIS.Domain.Hazards.Erg;
using BIS.Domain.Sources;

namespace BIS.Domain.Tests.Hazards;

/// <summary>Builders for the hazard-rule tests: a fixed clock, cited source facts and a small ERG index.</summary>
internal static class HazardTestData
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(-4));
    public static readonly DateTimeOffset AsOf = new(2025, 5, 31, 2, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public static BuildingFacts Facts() => new() { BuildingId = 42, Now = Now };

    public static SourceFact<T> Fact<T>(T record, string id, string source = "test source") => new(record, id, source, AsOf);

    public static NearbyHydrant Hydrant(string id, double meters, bool inService = true, string? flowClass = "A", int? gpm = 1200) =>
        new(new HydrantRecord
        {
            HydrantId = id,
            InService = inService,
            Status = inService ? "IN SERVICE" : "OUT OF SERVICE",
            FlowClass = flowClass,
            FlowGpm = gpm,
        },
            meters,
            "BWSC hydrants (synthetic)",
            AsOf);

    public static IReadOnlyList<ErgEntry> ErgRows { get; } =
    [
        Row("1005", "125", "Ammonia, anhydrous", tih: true),
        Row("1005", "125", "Anhydrous ammonia", tih: true),
        Row("1017", "124", "Chlorine", tih: true),
        Row("1075", "115", "Butane"),
        Row("1075", "115", "Propane"),
        Row("1075", "115", "Liquefied petroleum gas"),
        Row("1090", "127", "Acetone"),
        Row("1203", "128", "Gasoline"),
        Row("1203", "128", "Motor spirit"),
        Row("1203", "128", "Petrol"),
        Row("1010", "116P", "Butadienes, stabilized"),
        Row("1428", "138", "Sodium"),
        Row("3171", "154", "Battery-powered equipment (wet battery)"),
        Row("3171", "147", "Battery-powered equipment (with lithium ion batteries)"),
        Row("3171", "138", "Battery-powered equipment (with lithium metal batteries)"),
        Row("3171", "138", "Battery-powered equipment (with sodium batteries)"),
        Row("3171", "154", "Wheelchair, electric, with batteries"),
    ];

    public static IReadOnlyList<ErgIsolation> IsolationRows { get; } =
    [
        new()
        {
            UnNumber = "1017", Guide = "124", MaterialName = "Chlorine",
            SmallIsolation = "60 m (200 ft)", SmallProtectDay = "0.3 km (0.2 mi)", SmallProtectNight = "1.5 km (0.9 mi)",
            Note = "Refer to Table 3",
        },
    ];

    public static ErgGuideIndex Erg { get; } = new(ErgRows, IsolationRows);

    public static HazardRules Rules(HazardRuleOptions? options = null) => new(options ?? new HazardRuleOptions(), Erg);

    public static HazardAssessment Assess(BuildingFacts facts, HazardRuleOptions? options = null) => Rules(options).Assess(facts);

    private static ErgEntry Row(string un, string guide, string name, bool tih = false) =>
        ErgEntry.FromFields(un, guide, null, guide.EndsWith('P') ? "Y" : "N", tih ? "Y" : "N", name);
}
