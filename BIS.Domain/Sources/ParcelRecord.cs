namespace BIS.Domain.Sources;

/// <summary>Assessing: the building backbone, one per parcel.</summary>
public sealed record ParcelRecord
{
    public required string ParcelId { get; init; }
    public string? AddressText { get; init; }
    public string? Owner { get; init; }
    /// <summary>Mailing addressee and address of the owner, as the assessor holds it.</summary>
    public string? OwnerContact { get; init; }
    public string? LandUse { get; init; }
    public string? LandUseDescription { get; init; }
    /// <summary>Assessor structure class (e.g. "R" wood frame, "C" masonry, "B" reinforced concrete).</summary>
    public string? StructureClass { get; init; }
    public int? YearBuilt { get; init; }
    public decimal? Floors { get; init; }
    public int? Units { get; init; }
}
