namespace BIS.Domain.Hazards;

/// <summary>A specialized company or piece of equipment to send, with every reason that led to it.</summary>
public sealed record EquipmentRecommendation
{
    /// <summary>Stable code, e.g. "hazmat-company", "tower-ladder", "heavy-rescue", "foam", "tanker".</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required Severity Priority { get; init; }
    /// <summary>Readable reasons, one per contributing flag ("Chlorine 2,000 lb, ERG guide 124").</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
    /// <summary>Kind and source record id of each flag behind it ("hazmat:HZ-2024-0001").</summary>
    public required IReadOnlyList<string> FlagRefs { get; init; }
}
