namespace BIS.Domain.Sources;

public enum ViolationStatus
{
    Unknown,
    Open,
    Closed,
    Void,
}

/// <summary>Code enforcement violation (Boston ISD "Building and Property Violations").</summary>
public sealed record ViolationRecord
{
    public required string CaseNumber { get; init; }
    public string? Code { get; init; }
    public string? Description { get; init; }
    public ViolationStatus Status { get; init; }
    public DateTimeOffset? StatusDate { get; init; }
}
