namespace BIS.Domain.Sources;

/// <summary>A prior fire department incident at the building (NFIRS-coded where the source has codes).</summary>
public sealed record FireIncidentRecord
{
    public required string IncidentId { get; init; }
    public DateOnly? AlarmDate { get; init; }
    /// <summary>NFIRS incident type code, e.g. "111" building fire; null in the geocoded 2012 extract.</summary>
    public string? NfirsIncidentType { get; init; }
    public string? Description { get; init; }
    public string? PropertyUse { get; init; }
    public decimal? EstimatedLoss { get; init; }
}
