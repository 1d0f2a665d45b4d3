namespace BIS.Domain.Sources;

public enum SprinklerCoverage
{
    Unknown,
    None,
    Partial,
    Full,
}

/// <summary>Fire prevention inspection / pre-incident plan of a building.</summary>
public sealed record InspectionRecord
{
    public required string PlanId { get; init; }
    public DateOnly? InspectedOn { get; init; }
    public string? OccupancyName { get; init; }
    public SprinklerCoverage Sprinkler { get; init; }
    public bool? Standpipe { get; init; }
    public string? FdcLocation { get; init; }
    public string? KnoxBoxLocation { get; init; }
    public string? AlarmPanelLocation { get; init; }
    public bool? TrussRoof { get; init; }
    public bool? SolarPanels { get; init; }
    public decimal? BatteryStorageKwh { get; init; }
    /// <summary>Vacant-building marking per the IFC/NFPA scheme: "", "/" , "X" (or null when not marked).</summary>
    public string? VacantMarking { get; init; }
    /// <summary>IBC construction type, "I-A" … "V-B".</summary>
    public string? ConstructionType { get; init; }
    public string? Notes { get; init; }
}
