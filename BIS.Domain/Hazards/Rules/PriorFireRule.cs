using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Recent fires at the address, as one flag citing the latest: moderate, high when they repeat.
/// Only fire incidents count (NFIRS 100 series by default); incidents without a date cannot be placed
/// in the lookback and are left out.
/// </summary>
internal sealed class PriorFireRule(HazardRuleOptions options) : IHazardRule
{
    private const int MaxListed = 5;
    private readonly string[] _typePrefixes =
        [.. (options.FireIncidentTypePrefixes ?? HazardRuleDefaults.FireIncidentTypePrefixes).Select(p => p.Trim()).Where(p => p.Length > 0)];

    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        var today = facts.Today();
        var cutoff = today.AddYears(-options.PriorFireLookbackYears);
        var fires = facts.FireIncidents
            .Where(f => f.Record.AlarmDate is { } date && date >= cutoff && date <= today && IsFire(f.Record.NfirsIncidentType))
            .OrderByDescending(f => f.Record.AlarmDate)
            .ThenByDescending(f => f.SourceRecordId, StringComparer.Ordinal)
            .ToList();
        if (fires.Count == 0)
        {
            yield break;
        }

        var latest = fires[0];
        var listed = fires.Take(MaxListed).Select(f =>
            string.Join(' ', new[]
            {
                RuleText.Date(f.Record.AlarmDate),
                RuleText.Clip(f.Record.NfirsIncidentType),
                RuleText.Clip(f.Record.Description),
                $"({f.Record.IncidentId})",
            }.Where(p => p is not null)));
        var more = fires.Count > MaxListed ? $"; and {fires.Count - MaxListed} more" : string.Empty;
        yield return latest.Cite(
            FeedKind.FireIncidents,
            HazardKinds.PriorFires,
            fires.Count >= options.PriorFireRepeatCount ? Severity.High : Severity.Moderate,
            $"{RuleText.Plural(fires.Count, "prior fire", "prior fires")} in {options.PriorFireLookbackYears} years (latest {RuleText.Date(latest.Record.AlarmDate)})",
            RuleText.Sentences(
                $"Since {RuleText.Date(cutoff)}: {string.Join("; ", listed)}{more}",
                "Repeat fires suggest hoarding, arson, vacancy or faulty systems"));
    }

    private bool IsFire(string? nfirsType) =>
        string.IsNullOrWhiteSpace(nfirsType) || _typePrefixes.Any(p => nfirsType.Trim().StartsWith(p, StringComparison.Ordinal));
}
