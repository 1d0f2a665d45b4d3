namespace BIS.Domain.Sources;

/// <summary>A fire hydrant. Flow class follows NFPA 291 colours (AA light blue ≥1500 gpm, A green, B orange, C red).</summary>
public sealed record HydrantRecord
{
    public required string HydrantId { get; init; }
    public bool InService { get; init; }
    public string? Status { get; init; }
    public string? FlowClass { get; init; }
    public int? FlowGpm { get; init; }
    public decimal? MainSizeInches { get; init; }
    public DateOnly? LastTested { get; init; }
}
