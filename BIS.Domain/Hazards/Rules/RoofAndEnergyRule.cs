using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// From the newest pre-incident plan: lightweight truss roof (high: fails after minutes of fire),
/// solar PV (moderate: energized in daylight whatever the main disconnect says) and battery storage
/// (high from the kWh threshold: thermal runaway, toxic and explosive gases).
/// </summary>
internal sealed class RoofAndEnergyRule(HazardRuleOptions options) : IHazardRule
{
    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        if (facts.Newest(r => r.TrussRoof) is ({ } truss, true))
        {
            yield return truss.Cite(
                FeedKind.Inspections, HazardKinds.TrussRoof, Severity.High,
                "Lightweight truss roof",
                RuleText.Sentences(truss.Describe(), "Lightweight trusses can fail within minutes of fire exposure; no roof operations, check the truss space early"));
        }

        if (facts.Newest(r => r.SolarPanels) is ({ } pv, true))
        {
            yield return pv.Cite(
                FeedKind.Inspections, HazardKinds.SolarPv, Severity.Moderate,
                "Solar PV panels: energized roof",
                RuleText.Sentences(pv.Describe(), "PV arrays stay energized in daylight even with the main disconnect open; keep off the array and do not cut conduit"));
        }

        if (facts.Newest(r => r.BatteryStorageKwh) is ({ } battery, var kwh) && kwh > 0)
        {
            var large = kwh >= (decimal)options.BatteryStorageKwhThreshold;
            yield return battery.Cite(
                FeedKind.Inspections, HazardKinds.BatteryStorage, large ? Severity.High : Severity.Moderate,
                $"Battery storage: {RuleText.Number(kwh)} kWh",
                RuleText.Sentences(
                    battery.Describe(),
                    $"{RuleText.Number(kwh)} kWh of battery energy storage{(large ? $" (at or above {RuleText.Number(options.BatteryStorageKwhThreshold)} kWh)" : string.Empty)}",
                    "Thermal runaway releases toxic and flammable gases and can re-ignite; monitor with thermal imaging"));
        }
    }
}
