namespace BIS.Domain.Hazards.Erg;

/// <summary>
/// ERG Table 1 (toxic-inhalation hazards): initial isolation and protective-action distances, kept as
/// the printed text ("60 m (200 ft)") because crews read them as printed.
/// </summary>
public sealed record ErgIsolation
{
    public required string UnNumber { get; init; }
    public string? Guide { get; init; }
    public string? MaterialName { get; init; }
    public string? SmallIsolation { get; init; }
    public string? SmallProtectDay { get; init; }
    public string? SmallProtectNight { get; init; }
    /// <summary>Blank where the ERG refers to Table 3 for large spills.</summary>
    public string? LargeIsolation { get; init; }
    public string? LargeProtectDay { get; init; }
    public string? LargeProtectNight { get; init; }
    public string? Note { get; init; }
}
