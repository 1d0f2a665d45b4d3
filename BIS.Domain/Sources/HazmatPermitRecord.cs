namespace BIS.Domain.Sources;

/// <summary>Fire prevention hazardous-material storage permit.</summary>
public sealed record HazmatPermitRecord
{
    public required string PermitNumber { get; init; }
    public string? BusinessName { get; init; }
    public required string Material { get; init; }
    /// <summary>UN/NA number as four digits, text ("1017"); null when the permit names none.</summary>
    public string? UnNumber { get; init; }
    public decimal? Quantity { get; init; }
    public string? QuantityUnit { get; init; }
    public int? NfpaHealth { get; init; }
    public int? NfpaFlammability { get; init; }
    public int? NfpaInstability { get; init; }
    /// <summary>NFPA 704 special hazard: "W", "OX", "SA" or null.</summary>
    public string? NfpaSpecial { get; init; }
    public string? StorageLocation { get; init; }
    public string? Status { get; init; }
    public bool IsActive { get; init; }
    public DateOnly? ExpiresOn { get; init; }
}
