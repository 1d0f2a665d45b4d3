namespace BIS.Domain.Sources;

public enum PermitWorkKind
{
    Other,
    Construction,
    Demolition,
    ChangeOfOccupancy,
    SprinklerWork,
    AlarmWork,
}

/// <summary>ISD building permit or zoning-board application on a building.</summary>
public sealed record PermitRecord
{
    public required string PermitNumber { get; init; }
    public PermitWorkKind WorkKind { get; init; }
    public string? WorkType { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    /// <summary>True while the work may be going on (issued/open and not expired or closed).</summary>
    public bool IsActive { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? Applicant { get; init; }
}
