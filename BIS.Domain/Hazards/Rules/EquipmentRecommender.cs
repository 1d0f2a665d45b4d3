namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Turns ranked flags into recommendations by the equipment table: one recommendation per code, with
/// the reasons and references of every flag that called for it, each once, in flag order.
/// </summary>
internal sealed class EquipmentRecommender(IReadOnlyList<EquipmentRuleOptions> table)
{
    public IReadOnlyList<EquipmentRecommendation> Recommend(IReadOnlyList<RaisedFlag> rankedFlags)
    {
        var byCode = new Dictionary<string, (string Code, string Name, Severity Priority, SortedSet<int> Flags)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table)
        {
            for (var i = 0; i < rankedFlags.Count; i++)
            {
                if (!Calls(row, rankedFlags[i]))
                {
                    continue;
                }

                var code = row.Code.Trim();
                if (!byCode.TryGetValue(code, out var found))
                {
                    found = (code, row.Name.Trim(), Severity.None, []);
                }

                var priority = row.Priority ?? rankedFlags[i].Flag.Severity;
                found.Flags.Add(i);
                byCode[code] = found with { Priority = priority > found.Priority ? priority : found.Priority };
            }
        }

        return byCode.Values
            .OrderByDescending(r => r.Priority)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r =>
            {
                var flags = r.Flags.Select(i => rankedFlags[i].Flag).ToList();
                return new EquipmentRecommendation
                {
                    Code = r.Code,
                    Name = r.Name,
                    Priority = r.Priority,
                    Reasons = flags.Select(f => f.Title).Distinct(StringComparer.Ordinal).ToArray(),
                    FlagRefs = flags.Select(f => $"{f.Kind}:{f.SourceRecordId}").Distinct(StringComparer.Ordinal).ToArray(),
                };
            })
            .ToArray();
    }

    private static bool Calls(EquipmentRuleOptions row, RaisedFlag raised) =>
        raised.Flag.Severity >= row.MinFlagSeverity
        && row.WhenFlagKinds.Any(k => string.Equals(k?.Trim(), raised.Flag.Kind, StringComparison.OrdinalIgnoreCase))
        && (row.WhenTraits.Count == 0 || row.WhenTraits.Any(t => t is not null && raised.Traits.Contains(t.Trim())));
}
