using System.Globalization;

namespace BIS.Domain.Addresses;

/// <summary>Reads the house number or range at the start of an address: "4A", "527-545", "109 to 119", "254 256", "12 1/2", "11hf".</summary>
internal static class HouseNumberParser
{
    private static readonly string[] RangeWords = ["-", "TO", "THRU", "THROUGH", "&", "AND"];

    private static readonly string[] Months =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Returns how many tokens the number used; 0 when the line does not start with one.</summary>
    public static int Parse(IReadOnlyList<AddressToken> tokens, out HouseNumber number)
    {
        number = default;
        if (tokens.Count == 0)
        {
            return 0;
        }

        if (TryExcelDate(tokens, out number))
        {
            return 3;
        }

        if (!TryReadNumber(tokens[0].Text, allowLetterFirst: false, out var low, out var lowSuffix))
        {
            return 0;
        }

        var next = 1 + ReadLooseSuffix(tokens, 1, ref lowSuffix);
        int? high = null;
        string? highSuffix = null;

        var candidate = next < tokens.Count && RangeWords.Contains(tokens[next].Text) ? next + 1 : next;
        // Without a connecting word a second number is the high end only when a street name still follows it:
        // building footprints write ranges as "254 256 BENNINGTON ST", but in "2617 24 AVE" the 24 is the name.
        var connected = candidate > next;
        var streetFollows = candidate + 1 < tokens.Count && !StreetSuffixes.IsSuffix(tokens[candidate + 1].Text);
        if (candidate < tokens.Count && (connected || streetFollows)
            && TryReadNumber(tokens[candidate].Text, allowLetterFirst: true, out var highValue, out highSuffix))
        {
            high = highValue;
            next = candidate + 1;
            next += ReadLooseSuffix(tokens, next, ref highSuffix);
        }

        number = HouseNumber.Create(low, lowSuffix, high, highSuffix);
        return next;
    }

    /// <summary>
    /// One house number token: "12", "4A", "105R", "16RA", "11HF" (half); with <paramref name="allowLetterFirst"/> also
    /// "A31", the high end of footprint ranges like "31 A31". Ordinals ("1ST") are street names, not numbers.
    /// </summary>
    public static bool TryReadNumber(string text, bool allowLetterFirst, out int number, out string? suffix)
    {
        number = 0;
        suffix = null;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            if (!allowLetterFirst || text.Length < 2 || text.Length > 7 || !char.IsAsciiLetter(text[0]) || !text.Skip(1).All(char.IsAsciiDigit))
            {
                return false;
            }

            number = int.Parse(text.AsSpan(1), CultureInfo.InvariantCulture);
            suffix = text[..1];
            return true;
        }

        // No house number has more than six digits; a longer run is a phone number, an id or garbage.
        if (digits > 6)
        {
            return false;
        }

        number = int.Parse(text.AsSpan(0, digits), CultureInfo.InvariantCulture);
        var rest = text[digits..];
        if (rest.Length == 0)
        {
            return true;
        }

        if (rest == "HF")
        {
            suffix = HouseNumber.Half;
            return true;
        }

        if (rest.Length <= 2 && rest.All(char.IsAsciiLetter) && !StreetWords.IsOrdinalNumeral(number, rest))
        {
            suffix = rest;
            return true;
        }

        return false;
    }

    // A fraction or "HF" after the number is a half; a lone letter between two numbers ("98 R 100R", "978 C 976A")
    // belongs to the first. Any other lone letter is left for the street parser ("426 R SARATOGA ST" vs "5 B ST").
    private static int ReadLooseSuffix(IReadOnlyList<AddressToken> tokens, int index, ref string? suffix)
    {
        if (index >= tokens.Count || suffix is not null)
        {
            return 0;
        }

        var text = tokens[index].Text;
        if (text is HouseNumber.Half or "HF")
        {
            suffix = HouseNumber.Half;
            return 1;
        }

        var numberFollows = index + 1 < tokens.Count
            && (RangeWords.Contains(tokens[index + 1].Text) || TryReadNumber(tokens[index + 1].Text, allowLetterFirst: true, out _, out _));
        if (text.Length == 1 && char.IsAsciiLetter(text[0]) && numberFollows)
        {
            suffix = text;
            return 1;
        }

        return 0;
    }

    // Spreadsheet exports turned the range "2-26" into the date "26-Feb" (seen in building footprints).
    private static bool TryExcelDate(IReadOnlyList<AddressToken> tokens, out HouseNumber number)
    {
        number = default;
        if (tokens.Count < 4 || tokens[1].Text != "-" || !tokens[0].IsDigits || tokens[0].Text.Length > 2)
        {
            return false;
        }

        var month = Array.IndexOf(Months, tokens[2].Text) + 1;
        var day = int.Parse(tokens[0].Text, CultureInfo.InvariantCulture);
        if (month == 0 || day is < 1 or > 31)
        {
            return false;
        }

        number = HouseNumber.Create(month, null, day, null);
        return true;
    }
}
