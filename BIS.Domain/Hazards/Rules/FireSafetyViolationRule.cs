using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Open violations that change how occupants get out or are warned: missing smoke/CO alarms, blocked
/// egress, illegal occupancy (people sleeping where the records say nobody lives). All high.
/// </summary>
internal sealed class FireSafetyViolationRule(HazardRuleOptions options) : IHazardRule
{
    private readonly (string Kind, string Title, string Advice, ViolationMatcher Matcher)[] _categories =
    [
        (HazardKinds.MissingAlarms, "Alarm deficiency", "Occupants may not have been warned; expect people still inside",
            new(options.MissingAlarmViolationCodes ?? HazardRuleDefaults.MissingAlarmViolationCodes,
                options.MissingAlarmViolationKeywords ?? HazardRuleDefaults.MissingAlarmViolationKeywords)),
        (HazardKinds.BlockedEgress, "Egress deficiency", "Exits may be blocked or missing; plan secondary means of egress",
            new(options.BlockedEgressViolationCodes ?? HazardRuleDefaults.BlockedEgressViolationCodes,
                options.BlockedEgressViolationKeywords ?? HazardRuleDefaults.BlockedEgressViolationKeywords)),
        (HazardKinds.IllegalOccupancy, "Illegal occupancy", "More occupants than records show, possibly in basements or attics",
            new(options.IllegalOccupancyViolationCodes ?? HazardRuleDefaults.IllegalOccupancyViolationCodes,
                options.IllegalOccupancyViolationKeywords ?? HazardRuleDefaults.IllegalOccupancyViolationKeywords)),
    ];

    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        foreach (var violation in facts.Current(options))
        {
            foreach (var (kind, title, advice, matcher) in _categories)
            {
                if (matcher.Matches(violation.Record))
                {
                    yield return violation.Cite(
                        FeedKind.Violations,
                        kind,
                        Severity.High,
                        $"{title}: {violation.Record.Label()}",
                        RuleText.Sentences(violation.Describe(), advice));
                }
            }
        }
    }
}
