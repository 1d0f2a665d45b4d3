namespace BIS.Domain.Addresses;

/// <summary>
/// A street address reduced to a canonical form that different feeds agree on:
/// "302 Sumner Street, East Boston 02128" and "302 SUMNER ST" share <see cref="Key"/> "302 SUMNER ST".
/// </summary>
public sealed record NormalizedAddress
{
    /// <summary>First house number of the address or range; null when the address has none.</summary>
    public int? NumberLow { get; init; }
    /// <summary>Last house number of a range ("527-545" → 545); equals <see cref="NumberLow"/> when not a range.</summary>
    public int? NumberHigh { get; init; }
    /// <summary>Letter or fraction attached to the first number: "A", "R", "1/2", "HF".</summary>
    public string? NumberSuffix { get; init; }
    /// <summary>Canonical street: upper case, USPS Pub. 28 suffix and directional abbreviations ("SUMNER ST", "W BROADWAY").</summary>
    public required string Street { get; init; }
    public string? Unit { get; init; }
    public string? City { get; init; }
    /// <summary>Five-digit ZIP with leading zeros restored ("2128" → "02128").</summary>
    public string? Zip { get; init; }

    /// <summary>"302 SUMNER ST", "4A SUMNER ST", or just the street when there is no number.</summary>
    public string Key => NumberLow is null ? Street : $"{NumberLow}{NumberSuffix} {Street}";
}
