namespace BIS.Domain.Hazards;

/// <summary>What the hazard index holds for one building: flags ranked by severity and what to send.</summary>
public sealed record HazardAssessment
{
    public required Severity MaxSeverity { get; init; }
    public required IReadOnlyList<HazardFlag> Flags { get; init; }
    public required IReadOnlyList<EquipmentRecommendation> Recommendations { get; init; }
}
