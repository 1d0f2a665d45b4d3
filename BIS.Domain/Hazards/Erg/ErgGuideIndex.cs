namespace BIS.Domain.Hazards.Erg;

/// <summary>
/// Looks up ERG guides by UN/NA number. Built once from the reference tables that Ingest reads and
/// shared read-only: lookups never allocate the index again and are safe from any thread.
/// </summary>
public sealed class ErgGuideIndex
{
    private readonly Dictionary<string, IReadOnlyList<ErgGuideMatch>> _guides;
    private readonly Dictionary<string, ErgIsolation> _isolations;

    public ErgGuideIndex(IEnumerable<ErgEntry> entries, IEnumerable<ErgIsolation>? isolations = null)
    {
        ArgumentNullException.ThrowIfNull(entries);

        _guides = entries
            .Select(e => (Un: UnNumber.Normalize(e.UnNumber), Entry: e))
            .Where(x => x.Un is not null)
            .GroupBy(x => x.Un!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ErgGuideMatch>)g
                    .GroupBy(x => x.Entry.Guide.Trim().ToUpperInvariant(), StringComparer.Ordinal)
                    .Select(byGuide => new ErgGuideMatch
                    {
                        UnNumber = g.Key,
                        Guide = byGuide.Key,
                        GuideNumber = byGuide.First().Entry.GuideNumber,
                        Polymerizes = byGuide.Any(x => x.Entry.Polymerizes),
                        ToxicInhalationHazard = byGuide.Any(x => x.Entry.ToxicInhalationHazard),
                        MaterialNames = byGuide
                            .Select(x => x.Entry.MaterialName.Trim())
                            .Where(n => n.Length > 0)
                            .Distinct(StringComparer.OrdinalIgnoreCase)
                            .ToArray(),
                    })
                    .OrderBy(m => m.GuideNumber)
                    .ThenBy(m => m.Guide, StringComparer.Ordinal)
                    .ToArray(),
                StringComparer.Ordinal);

        _isolations = new Dictionary<string, ErgIsolation>(StringComparer.Ordinal);
        foreach (var isolation in isolations ?? [])
        {
            if (UnNumber.Normalize(isolation.UnNumber) is { } un)
            {
                _isolations.TryAdd(un, isolation);
            }
        }
    }

    /// <summary>An index that knows no material: hazmat flags then carry NFPA ratings only.</summary>
    public static ErgGuideIndex Empty { get; } = new([]);

    /// <summary>How many distinct UN/NA numbers the index knows.</summary>
    public int Count => _guides.Count;

    /// <summary>
    /// Every distinct guide for the number, lowest guide first (UN3171 → 138, 147, 154); empty when the
    /// number is blank, malformed or not in the ERG.
    /// </summary>
    public IReadOnlyList<ErgGuideMatch> Lookup(string? unNumber) =>
        UnNumber.Normalize(unNumber) is { } un && _guides.TryGetValue(un, out var matches) ? matches : [];

    /// <summary>Table 1 distances when the number is a toxic-inhalation hazard listed there; otherwise null.</summary>
    public ErgIsolation? FindIsolation(string? unNumber) =>
        UnNumber.Normalize(unNumber) is { } un && _isolations.TryGetValue(un, out var isolation) ? isolation : null;
}
