namespace BIS.Domain.Addresses;

/// <summary>Turns address strings from every feed into <see cref="NormalizedAddress"/>.</summary>
public static class AddressNormalizer
{
    /// <summary>Parses a whole address line ("300-304 Sumner Street, East Boston MA 02128"); null when no street can be found.</summary>
    public static NormalizedAddress? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && int.TryParse(parts[0], out var number))
        {
            return new NormalizedAddress { NumberLow = number, NumberHigh = number, Street = string.Join(' ', parts[1..]) };
        }

        return new NormalizedAddress { Street = string.Join(' ', parts) };
    }

    /// <summary>Builds an address from split columns (Boston violations: stno, sthigh, street, suffix, city, zip).</summary>
    public static NormalizedAddress? FromParts(
        string? number, string? numberHigh, string? street, string? suffix, string? unit = null, string? city = null, string? zip = null)
    {
        var line = string.Join(' ', new[] { number, street, suffix }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var parsed = Normalize(line);
        return parsed is null ? null : parsed with { Unit = unit, City = city, Zip = zip };
    }

    /// <summary>Five-digit ZIP from "2128", "02128-1234", " 02128 "; null for blanks and junk.</summary>
    public static string? NormalizeZip(string? zip)
    {
        var digits = new string((zip ?? string.Empty).TakeWhile(c => c != '-').Where(char.IsDigit).ToArray());
        return digits.Length is >= 3 and <= 5 ? digits.PadLeft(5, '0') : null;
    }
}
