namespace BIS.Domain.Addresses;

/// <summary>
/// A street address reduced to a canonical form that different feeds agree on:
/// "302 Sumner Street, East Boston 02128" and "302 SUMNER ST" share <see cref="Key"/> "302 SUMNER ST".
/// </summary>
public sealed record NormalizedAddress
{
    /// <summary>First (lowest) house number of the address or range; null when the address has none (a "0" counts as none).</summary>
    public int? NumberLow { get; init; }
    /// <summary>Last house number of a range ("527-545" → 545); equals <see cref="NumberLow"/> when not a range.</summary>
    public int? NumberHigh { get; init; }
    /// <summary>Letter or fraction attached to the first number: "A", "R", "RA", "1/2" (written "HF", "½" or "1/2" in the feeds).</summary>
    public string? NumberSuffix { get; init; }
    /// <summary>Letter or fraction of <see cref="NumberHigh"/> ("289 to 289A" → "A"); equals <see cref="NumberSuffix"/> when not a range.</summary>
    public string? NumberHighSuffix { get; init; }
    /// <summary>Canonical street: upper case, USPS Pub. 28 suffix and directional abbreviations ("SUMNER ST", "W BROADWAY").</summary>
    public required string Street { get; init; }
    /// <summary>Unit with its Pub. 28 designator ("APT 3", "FL 1", "STE 200"); a bare id ("3") when the feed wrote "#3" or just a number.</summary>
    public string? Unit { get; init; }
    /// <summary>Boston neighbourhood or town, upper case ("EAST BOSTON", "BOSTON").</summary>
    public string? City { get; init; }
    /// <summary>Five-digit ZIP with leading zeros restored ("2128" → "02128").</summary>
    public string? Zip { get; init; }

    /// <summary>True when the address covers more than one house number or letter ("527-545", "289 to 289A").</summary>
    public bool IsRange => NumberHigh != NumberLow || NumberHighSuffix != NumberSuffix;

    /// <summary>
    /// The side of the street every number of the address is on: "302" and "108-110" are even, "405-407A" is odd
    /// (a letter or a half does not cross the street). Null for a range whose ends differ in parity ("24-29", written
    /// for corner lots and whole blocks, which reach both sides) and for an address without a number.
    /// </summary>
    public StreetSide? Side
    {
        get
        {
            if (NumberLow is not { } low)
            {
                return null;
            }

            var high = NumberHigh ?? low;
            return (high - low) % 2 != 0 ? null : low % 2 == 0 ? StreetSide.Even : StreetSide.Odd;
        }
    }

    /// <summary>
    /// True when some house number can belong to both addresses: their numbers overlap and they are not on opposite
    /// sides of the street ("108-110" never reaches 109; "24-29" reaches both sides). The street is not compared.
    /// Linkage applies the same rule in SQL to <c>number_low</c>/<c>number_high</c> (<c>EntityResolver</c>).
    /// </summary>
    public bool SharesNumberWith(NormalizedAddress other)
    {
        if (NumberLow is not { } low || other.NumberLow is not { } otherLow)
        {
            return false;
        }

        var overlap = low <= (other.NumberHigh ?? otherLow) && otherLow <= (NumberHigh ?? low);
        // Two ranges of one side that overlap share the higher low end; a range reaching both sides shares a number
        // of either side with whatever it overlaps.
        return overlap && (Side is not { } side || other.Side is not { } otherSide || side == otherSide);
    }

    /// <summary>"302 SUMNER ST", "4A SUMNER ST", "12 1/2 SUMNER ST", or just the street when there is no number.</summary>
    public string Key => NumberLow is null
        ? Street
        // A fraction needs a space, or "12" + "1/2" would read as "121/2".
        : NumberSuffix is { Length: > 0 } s && char.IsAsciiDigit(s[0])
            ? $"{NumberLow} {s} {Street}"
            : $"{NumberLow}{NumberSuffix} {Street}";
}
