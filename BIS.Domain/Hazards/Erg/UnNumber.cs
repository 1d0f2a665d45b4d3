namespace BIS.Domain.Hazards.Erg;

/// <summary>UN/NA identification numbers as the ERG indexes them: four digits, text.</summary>
public static class UnNumber
{
    /// <summary>
    /// "UN1017", "un 1017", "1017", "NA1993", " 1017 " → "1017"; null for blanks and junk.
    /// The ERG lists UN and NA numbers in one four-digit sequence, so the prefix is dropped.
    /// Integer-looking exports lose leading zeros ("4" for UN0004, an explosive), so 1–3 digits are left-padded.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim().ToUpperInvariant();
        if (value.StartsWith("UN", StringComparison.Ordinal) || value.StartsWith("NA", StringComparison.Ordinal))
        {
            value = value[2..].TrimStart(' ', '-', '#', ':');
        }

        // "1017.0" from spreadsheets that typed the column as a number.
        if (value.EndsWith(".0", StringComparison.Ordinal))
        {
            value = value[..^2];
        }

        if (value.Length is < 1 or > 4 || !value.All(char.IsAsciiDigit))
        {
            return null;
        }

        return value.PadLeft(4, '0');
    }
}
