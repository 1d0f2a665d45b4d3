using BIS.Domain.Feeds;
using BIS.Domain.Sources;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Work going on in the building: demolition (high: floors and walls may be open), change of
/// occupancy and construction (moderate: layout and occupants differ from the records), sprinkler or
/// alarm work (info: the system may be impaired). Expired, closed and stale permits say nothing.
/// </summary>
internal sealed class BuildingPermitRule(HazardRuleOptions options) : IHazardRule
{
    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        var today = facts.Today();
        foreach (var permit in facts.Permits.Where(p => IsInForce(p.Record, today)))
        {
            var (kind, severity, title, advice) = permit.Record.WorkKind switch
            {
                PermitWorkKind.Demolition => (HazardKinds.Demolition, Severity.High, "Demolition under way",
                    "Floors, stairs and walls may be open or removed; expect early collapse"),
                PermitWorkKind.ChangeOfOccupancy => (HazardKinds.ChangeOfOccupancy, Severity.Moderate, "Change of occupancy",
                    "Use, layout and occupant load may differ from the records"),
                PermitWorkKind.Construction => (HazardKinds.Construction, Severity.Moderate, "Active construction",
                    "Expect open walls, missing fire separations, temporary wiring and stored materials"),
                PermitWorkKind.SprinklerWork => (HazardKinds.FireSystemWork, Severity.Info, "Sprinkler work under permit",
                    "The sprinkler system may be impaired"),
                PermitWorkKind.AlarmWork => (HazardKinds.FireSystemWork, Severity.Info, "Fire alarm work under permit",
                    "The fire alarm may be impaired or in test"),
                _ => ((string?)null, Severity.None, string.Empty, string.Empty),
            };

            if (kind is null)
            {
                continue;
            }

            var record = permit.Record;
            var work = RuleText.Clip(record.WorkType) is { } type ? $" ({type})" : string.Empty;
            var detail = RuleText.Sentences(
                $"Permit {record.PermitNumber}{work}, issued {RuleText.Date(record.IssuedOn)}"
                    + (record.ExpiresOn is { } expires ? $", expires {RuleText.Date(expires)}" : string.Empty),
                RuleText.Clip(record.Description),
                advice);
            yield return permit.Cite(FeedKind.BuildingPermits, kind, severity, title, detail);
        }
    }

    private bool IsInForce(PermitRecord permit, DateOnly today)
    {
        if (!permit.IsActive || permit.IssuedOn > today)
        {
            return false;
        }

        if (permit.ExpiresOn is { } expires)
        {
            return expires >= today;
        }

        return permit.IssuedOn is not { } issued || issued.AddMonths(options.PermitStaleAfterMonths) >= today;
    }
}
