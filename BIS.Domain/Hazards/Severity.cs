namespace BIS.Domain.Hazards;

/// <summary>How much a flag should change what the first-due companies do. Ordered: higher is worse.</summary>
public enum Severity
{
    None = 0,
    Info = 1,
    Moderate = 2,
    High = 3,
    Critical = 4,
}
