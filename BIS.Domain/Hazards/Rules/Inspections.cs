using BIS.Domain.Sources;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// A building may have several pre-incident plans over the years. For each field the newest plan that
/// says anything about it wins, so an old "X" marking is cleared by a newer plan that records none.
/// </summary>
internal static class Inspections
{
    public static IEnumerable<SourceFact<InspectionRecord>> NewestFirst(this BuildingFacts facts) =>
        facts.Inspections
            .OrderByDescending(i => i.Record.InspectedOn ?? DateOnly.MinValue)
            .ThenByDescending(i => i.AsOf ?? DateTimeOffset.MinValue)
            .ThenByDescending(i => i.SourceRecordId, StringComparer.Ordinal);

    /// <summary>The newest plan stating the value, or null when none does.</summary>
    public static (SourceFact<InspectionRecord> Plan, T Value)? Newest<T>(this BuildingFacts facts, Func<InspectionRecord, T?> select)
        where T : struct
    {
        foreach (var plan in facts.NewestFirst())
        {
            if (select(plan.Record) is { } value)
            {
                return (plan, value);
            }
        }

        return null;
    }

    /// <summary>The newest plan with a non-blank text value.</summary>
    public static (SourceFact<InspectionRecord> Plan, string Value)? NewestText(this BuildingFacts facts, Func<InspectionRecord, string?> select)
    {
        foreach (var plan in facts.NewestFirst())
        {
            if (RuleText.Clip(select(plan.Record)) is { } value)
            {
                return (plan, value);
            }
        }

        return null;
    }

    public static string Describe(this SourceFact<InspectionRecord> plan) =>
        $"Pre-incident plan {plan.Record.PlanId} (inspected {RuleText.Date(plan.Record.InspectedOn)})";
}
