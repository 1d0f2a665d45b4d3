using System.Globalization;

namespace BIS.Domain.Addresses;

/// <summary>
/// Turns address strings from every feed into <see cref="NormalizedAddress"/>, so that records about one building
/// share a <see cref="NormalizedAddress.Key"/>. Never throws: input it cannot read gives null.
/// </summary>
public static class AddressNormalizer
{
    private static readonly string[] NumberWords = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"];

    /// <summary>Parses a whole address line ("300-304 Sumner Street, East Boston MA 02128"); null when no street can be found.</summary>
    public static NormalizedAddress? Normalize(string? text)
    {
        var tokens = AddressTokenizer.Tokenize(text);
        if (tokens is null || tokens.Count == 0 || NamesNoBuilding(tokens))
        {
            return null;
        }

        SpelledOutNumber(tokens);

        var (zip, city) = AddressTail.Strip(tokens);
        var used = HouseNumberParser.Parse(tokens, out var number);
        var street = tokens.GetRange(used, tokens.Count - used);
        var unit = UnitParser.SplitOff(street);
        number = TakeLooseLetter(number, street);

        var name = StreetNameParser.Parse(street);
        return name is null ? null : Create(number, name, unit, city, zip);
    }

    /// <summary>Builds an address from split columns (Boston violations: stno, sthigh, street, suffix, city, zip).</summary>
    public static NormalizedAddress? FromParts(
        string? number, string? numberHigh, string? street, string? suffix, string? unit = null, string? city = null, string? zip = null)
    {
        var numberTokens = AddressTokenizer.Tokenize(number) ?? [];
        var highTokens = AddressTokenizer.Tokenize(numberHigh) ?? [];
        var streetTokens = AddressTokenizer.Tokenize(street) ?? [];
        var suffixTokens = AddressTokenizer.Tokenize(suffix) ?? [];

        // The street column sometimes repeats the type the suffix column holds ("Sumner ST" + "ST").
        if (streetTokens.Count > 1 && suffixTokens.Count == 1 && SameStreetType(streetTokens[^1].Text, suffixTokens[0].Text))
        {
            suffixTokens.Clear();
        }

        HouseNumber parsed = default;
        if (numberTokens.Count > 0)
        {
            HouseNumberParser.Parse(numberTokens, out parsed);
        }
        else
        {
            // No number column: the street column may carry the number itself ("302 Sumner").
            var used = HouseNumberParser.Parse(streetTokens, out parsed);
            streetTokens.RemoveRange(0, used);
        }

        if (highTokens.Count > 0 && parsed.Low is not null
            && HouseNumberParser.TryReadNumber(highTokens[0].Text, allowLetterFirst: true, out var high, out var highSuffix))
        {
            parsed = HouseNumber.Create(parsed.Low, parsed.LowSuffix, high, highSuffix);
        }

        var name = StreetNameParser.Parse(streetTokens.Concat(suffixTokens));
        return name is null
            ? null
            : Create(parsed, name, UnitParser.Canonical(unit), PlaceNames.Canonical(city), NormalizeZip(zip));
    }

    /// <summary>Five-digit ZIP from "2128", "02128-1234", "021281234", " 02128 ", "2128.0"; null for blanks, "00000" and junk.</summary>
    public static string? NormalizeZip(string? zip)
    {
        var text = (zip ?? string.Empty).Trim();
        // Spreadsheets store ZIPs as numbers: "2128.0".
        if (text.EndsWith(".0", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        var head = text.TakeWhile(char.IsAsciiDigit).Count();
        var rest = text[head..];
        var plusFour = rest.Length == 0
            || (rest.Length == 5 && rest[0] is '-' or ' ' && rest.Skip(1).All(char.IsAsciiDigit));
        if (head == 9 && rest.Length == 0)
        {
            head = 5;
        }
        // Four digits are a ZIP that lost its leading zero, so they never start with a zero themselves.
        else if (head is not (4 or 5) || !plusFour || (head == 4 && text[0] == '0'))
        {
            return null;
        }

        var five = text[..head].PadLeft(5, '0');
        return five == "00000" ? null : five;
    }

    // Lines that cannot locate a building: intersections ("INTERSECTION of …"), post office boxes, "c/o" lines,
    // and a bare unit ("APT 2") from a second address line.
    private static bool NamesNoBuilding(List<AddressToken> tokens)
    {
        var first = tokens[0].Text;
        var second = tokens.Count > 1 ? tokens[1].Text : string.Empty;
        var third = tokens.Count > 2 ? tokens[2].Text : string.Empty;
        return first is "INTERSECTION" or "APT" or "UNIT" or "SUITE" or "#"
            || (first, second) is ("PO", "BOX") or ("POB", _) or ("C", "O")
            || (first, second, third) is ("P", "O", "BOX");
    }

    // "One Lincoln St": addresses written for letterheads spell small numbers out.
    private static void SpelledOutNumber(List<AddressToken> tokens)
    {
        var number = Array.IndexOf(NumberWords, tokens[0].Text) + 1;
        if (number > 0 && tokens.Count > 1)
        {
            tokens[0] = tokens[0] with { Text = number.ToString(CultureInfo.InvariantCulture) };
        }
    }

    // A lone letter after the number is the number's ("426 R SARATOGA ST": rear), unless it is the street's
    // own name ("5 B ST") or a directional ("9 W BROADWAY").
    private static HouseNumber TakeLooseLetter(HouseNumber number, List<AddressToken> street)
    {
        if (number.Low is null || number.LowSuffix is not null || street.Count < 2 || number.IsRange)
        {
            return number;
        }

        var text = street[0].Text;
        var letter = text == "REAR" ? "R" : text;
        if (letter.Length != 1 || !char.IsAsciiLetter(letter[0]) || StreetWords.IsDirectional(letter))
        {
            return number;
        }

        var rest = street.Skip(1).ToList();
        var restIsStreet = rest.Count >= 2 || !StreetSuffixes.IsSuffix(rest[0].Text);
        if (!restIsStreet)
        {
            return number;
        }

        street.RemoveAt(0);
        return number with { LowSuffix = letter, HighSuffix = letter };
    }

    private static bool SameStreetType(string a, string b) =>
        StreetSuffixes.TryGetStandard(a, out var left) && StreetSuffixes.TryGetStandard(b, out var right) && left == right;

    private static NormalizedAddress Create(HouseNumber number, string street, string? unit, string? city, string? zip) => new()
    {
        NumberLow = number.Low,
        NumberHigh = number.High,
        NumberSuffix = number.LowSuffix,
        NumberHighSuffix = number.HighSuffix,
        Street = street,
        Unit = unit,
        City = city,
        Zip = zip,
    };
}
