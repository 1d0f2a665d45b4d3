using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// What the assessor knows about the structure: high-rise by floor count (high) and old wood frame
/// (moderate: balloon framing lets fire run from basement to attic inside the walls).
/// </summary>
internal sealed class BuildingStructureRule(HazardRuleOptions options) : IHazardRule
{
    private readonly HashSet<string> _woodClasses = Normalized(options.WoodFrameStructureClasses ?? HazardRuleDefaults.WoodFrameStructureClasses);
    private readonly HashSet<string> _woodTypes = Normalized(options.WoodFrameConstructionTypes ?? HazardRuleDefaults.WoodFrameConstructionTypes);

    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        if (facts.Parcel is not { } parcel)
        {
            yield break;
        }

        if (parcel.Record.Floors is { } floors && floors >= options.HighRiseFloors)
        {
            yield return parcel.Cite(
                FeedKind.Assessing,
                HazardKinds.HighRise,
                Severity.High,
                $"High-rise: {RuleText.Number(floors)} floors",
                RuleText.Sentences(
                    $"Assessor records {RuleText.Number(floors)} floors (high-rise from {options.HighRiseFloors})",
                    "Plan standpipe operations, lobby control and long stair climbs"));
        }

        if (parcel.Record.YearBuilt is { } built && built < options.OldWoodFrameBeforeYear && WoodFrameEvidence(facts) is { } evidence)
        {
            yield return parcel.Cite(
                FeedKind.Assessing,
                HazardKinds.OldWoodFrame,
                Severity.Moderate,
                $"Wood frame built {built}",
                RuleText.Sentences(
                    $"Built {built} (before {options.OldWoodFrameBeforeYear}); {evidence}",
                    "Likely balloon frame: check walls and attic early for vertical fire spread"));
        }
    }

    private string? WoodFrameEvidence(BuildingFacts facts)
    {
        var structureClass = facts.Parcel?.Record.StructureClass?.Trim().ToUpperInvariant();
        if (structureClass is not null && _woodClasses.Contains(structureClass))
        {
            return $"assessor structure class {structureClass} (wood frame)";
        }

        var construction = facts.NewestText(r => r.ConstructionType);
        return construction is { } c && _woodTypes.Contains(c.Value.ToUpperInvariant())
            ? $"construction type {c.Value} per pre-incident plan {c.Plan.Record.PlanId}"
            : null;
    }

    private static HashSet<string> Normalized(IEnumerable<string> values) =>
        new(values.Select(v => v.Trim().ToUpperInvariant()).Where(v => v.Length > 0), StringComparer.Ordinal);
}
