namespace BIS.Domain.Hazards.Erg;

/// <summary>One orange-page guide that applies to a UN/NA number, with the names listed under it.</summary>
public sealed record ErgGuideMatch
{
    public required string UnNumber { get; init; }
    /// <summary>"128", "116P".</summary>
    public required string Guide { get; init; }
    public required int GuideNumber { get; init; }
    public required bool Polymerizes { get; init; }
    /// <summary>True when any name under this guide is green-listed: warn rather than miss it.</summary>
    public required bool ToxicInhalationHazard { get; init; }
    /// <summary>Index names in reference-table order, without duplicates.</summary>
    public required IReadOnlyList<string> MaterialNames { get; init; }
}
