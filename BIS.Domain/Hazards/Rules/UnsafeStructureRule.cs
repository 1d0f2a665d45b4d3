using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards.Rules;

/// <summary>An open "unsafe and dangerous" order: the building itself may fail. Critical.</summary>
internal sealed class UnsafeStructureRule(HazardRuleOptions options) : IHazardRule
{
    private readonly ViolationMatcher _unsafe = new(
        options.UnsafeViolationCodes ?? HazardRuleDefaults.UnsafeViolationCodes,
        options.UnsafeViolationKeywords ?? HazardRuleDefaults.UnsafeViolationKeywords);

    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts) =>
        facts.Current(options)
            .Where(v => _unsafe.Matches(v.Record))
            .Select(v => (RaisedFlag)v.Cite(
                FeedKind.Violations,
                HazardKinds.UnsafeStructure,
                Severity.Critical,
                $"Unsafe structure: {v.Record.Label()}",
                RuleText.Sentences(v.Describe(), "Expect structural failure; consider a collapse zone and defensive operations")));
}
