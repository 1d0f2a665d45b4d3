using BIS.Domain.Feeds;
using BIS.Domain.Sources;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Vacant buildings: the IFC/NFPA 1 marking on the newest plan ("X" exterior operations only → critical,
/// "/" interior operations with extreme caution → high) and open violations that say vacant (high).
/// </summary>
internal sealed class VacantBuildingRule(HazardRuleOptions options) : IHazardRule
{
    private readonly ViolationMatcher _vacant = new(
        options.VacantViolationCodes ?? HazardRuleDefaults.VacantViolationCodes,
        options.VacantViolationKeywords ?? HazardRuleDefaults.VacantViolationKeywords);

    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        if (Marking(facts) is { } marked)
        {
            yield return marked;
        }

        foreach (var violation in facts.Current(options).Where(v => _vacant.Matches(v.Record)))
        {
            yield return violation.Cite(
                FeedKind.Violations,
                HazardKinds.Vacant,
                Severity.High,
                $"Vacant building: {violation.Record.Label()}",
                RuleText.Sentences(violation.Describe(), "Expect open shafts, missing floors and squatters; search with caution"));
        }
    }

    private static HazardFlag? Marking(BuildingFacts facts)
    {
        // A blank marking is a statement ("not marked") and clears an older plan's marking; null says nothing.
        var plan = facts.NewestFirst().FirstOrDefault(p => p.Record.VacantMarking is not null);
        return plan?.Record.VacantMarking?.Trim().ToUpperInvariant() switch
        {
            "X" => plan.Cite(
                FeedKind.Inspections, HazardKinds.Vacant, Severity.Critical,
                "Vacant building marked X: exterior operations only",
                RuleText.Sentences(plan.Describe(), "Vacant-building marking X: serious structural or interior hazards; interior operations prohibited")),
            "/" or "\\" => plan.Cite(
                FeedKind.Inspections, HazardKinds.Vacant, Severity.High,
                "Vacant building marked /: interior operations with extreme caution",
                RuleText.Sentences(plan.Describe(), "Vacant-building marking /: structural or interior hazards; enter only with extreme caution")),
            _ => null,
        };
    }
}
