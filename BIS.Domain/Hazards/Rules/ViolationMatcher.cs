using BIS.Domain.Sources;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Decides whether a violation belongs to a category by its code (the code or a subsection of it:
/// "116" matches "116.2" and "116(a)") or by a phrase in its description.
/// </summary>
internal sealed class ViolationMatcher(IEnumerable<string> codes, IEnumerable<string> keywords)
{
    private readonly string[] _codes = [.. codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0)];
    private readonly string[] _keywords = [.. keywords.Select(k => k.Trim()).Where(k => k.Length > 0)];

    public bool Matches(ViolationRecord violation)
    {
        var code = violation.Code?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && _codes.Any(c => code == c || (code.StartsWith(c, StringComparison.Ordinal) && code[c.Length] is '.' or '(' or ' ')))
        {
            return true;
        }

        var description = violation.Description;
        return !string.IsNullOrWhiteSpace(description)
            && _keywords.Any(k => description.Contains(k, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Which violations still count: open (or of unknown status, to be safe) and inside the lookback.</summary>
internal static class OpenViolations
{
    public static IEnumerable<SourceFact<ViolationRecord>> Current(this BuildingFacts facts, HazardRuleOptions options)
    {
        var cutoff = options.ViolationLookbackYears > 0 ? facts.Now.AddYears(-options.ViolationLookbackYears) : DateTimeOffset.MinValue;
        return facts.Violations.Where(v =>
            v.Record.Status is ViolationStatus.Open or ViolationStatus.Unknown
            && !(v.Record.StatusDate < cutoff));
    }

    public static string Describe(this SourceFact<ViolationRecord> fact)
    {
        var v = fact.Record;
        var what = string.Join(' ', new[] { RuleText.Clip(v.Code), RuleText.Clip(v.Description) }.Where(p => p is not null));
        var status = v.Status == ViolationStatus.Open ? "open" : "status unknown";
        return $"Code-enforcement case {v.CaseNumber}{(what.Length > 0 ? $": {what}" : string.Empty)} ({status} since {RuleText.Date(v.StatusDate)})";
    }

    public static string Label(this ViolationRecord violation) =>
        RuleText.Clip(violation.Description) ?? RuleText.Clip(violation.Code) ?? "violation";
}
