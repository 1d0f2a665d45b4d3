using System.Globalization;

namespace BIS.Domain.Addresses;

/// <summary>Finds the unit part of an address ("APT 3", "#3", ", 1st floor", the "500" of "1180 WASHINGTON ST 500").</summary>
internal static class UnitParser
{
    // Pub. 28 Appendix C2 designators that take an id, mapped to their standard abbreviation
    // (plus "SUIT", a misspelling common enough in owner addresses to be worth reading).
    private static readonly Dictionary<string, string> Designators = new(StringComparer.Ordinal)
    {
        ["APT"] = "APT", ["APARTMENT"] = "APT", ["UNIT"] = "UNIT", ["STE"] = "STE", ["SUITE"] = "STE", ["SUIT"] = "STE",
        ["RM"] = "RM", ["ROOM"] = "RM", ["BLDG"] = "BLDG", ["BUILDING"] = "BLDG", ["DEPT"] = "DEPT",
        ["SPC"] = "SPC", ["SPACE"] = "SPC", ["LOT"] = "LOT", ["FL"] = "FL", ["FLR"] = "FL", ["FLOOR"] = "FL",
    };

    // Designators that never start a street name, so they count even without a street type before them.
    private static readonly string[] Unambiguous = ["APT", "APARTMENT", "UNIT", "SUITE"];

    // Written without a space before the id: "apt1", "UNIT2B", "STE100".
    private static readonly string[] GluedDesignators = ["APT", "UNIT", "STE", "SUITE"];

    // Pub. 28 designators that stand alone, without an id.
    private static readonly Dictionary<string, string> Standalone = new(StringComparer.Ordinal)
    {
        ["BSMT"] = "BSMT", ["BASEMENT"] = "BSMT", ["REAR"] = "REAR", ["FRNT"] = "FRNT", ["FRONT"] = "FRNT",
        ["UPPR"] = "UPPR", ["UPPER"] = "UPPR", ["LOWR"] = "LOWR", ["LOWER"] = "LOWR", ["PH"] = "PH", ["PENTHOUSE"] = "PH",
    };

    /// <summary>Removes a trailing unit from <paramref name="street"/> (the words after the house number) and returns it.</summary>
    public static string? SplitOff(List<AddressToken> street)
    {
        JoinSplitOrdinals(street);
        SplitGluedDesignators(street);
        // Start at 1: the first word is always street, even "UNIT" or "FRONT" would be a street name there.
        for (var i = 1; i < street.Count; i++)
        {
            var text = street[i].Text;
            if (text == "#")
            {
                return Cut(street, i, Id(street, i + 1));
            }

            if (!Designators.TryGetValue(text, out var designator))
            {
                continue;
            }

            // "1st floor", "2 FL": the floor number comes first.
            if (designator == "FL" && i + 1 == street.Count && IsFloorNumber(street[i - 1].Text, out var level)
                && i >= 2 && EndsStreet(street, i - 1))
            {
                return Cut(street, i - 1, $"FL {level}");
            }

            if (Unambiguous.Contains(text) || EndsStreet(street, i))
            {
                var id = designator == "FL" && i + 1 < street.Count && IsFloorNumber(street[i + 1].Text, out var floor)
                    ? floor
                    : Id(street, i + 1);
                return Cut(street, i, id.Length == 0 ? designator : $"{designator} {id}");
            }
        }

        if (street.Count >= 3 && Standalone.TryGetValue(street[^1].Text, out var alone) && EndsStreet(street, street.Count - 1))
        {
            return Cut(street, street.Count - 1, alone);
        }

        // A bare number after the street type is a unit: ZBA writes "1180 Washington ST 500", "50 B ST 7".
        if (street.Count >= 3 && street[^1].StartsWithDigit && IsUnitId(street[^1].Text) && StreetSuffixes.IsSuffix(street[^2].Text))
        {
            return Cut(street, street.Count - 1, street[^1].Text);
        }

        return null;
    }

    /// <summary>Canonical form of a unit column ("Unit 1" → "UNIT 1", "#2" → "2", "1st floor" → "FL 1").</summary>
    public static string? Canonical(string? unit)
    {
        var tokens = AddressTokenizer.Tokenize(unit);
        if (tokens is null || tokens.Count == 0)
        {
            return null;
        }

        // Reuse the address rule by putting the unit behind a placeholder street.
        var line = new List<AddressToken> { new("X", false), new("ST", false) };
        line.AddRange(tokens);
        line[2] = line[2] with { AfterComma = true };
        var parsed = SplitOff(line);
        return parsed ?? string.Join(' ', tokens.Select(t => t.Text).Where(t => t != "-"));
    }

    // "6 th floor" (seen in violation contacts) is "6TH FLOOR".
    private static void JoinSplitOrdinals(List<AddressToken> street)
    {
        for (var i = 1; i + 2 < street.Count; i++)
        {
            if (street[i].IsDigits && street[i].Text.Length <= 3 && Designators.GetValueOrDefault(street[i + 2].Text) == "FL"
                && StreetWords.IsOrdinalNumeral(int.Parse(street[i].Text, CultureInfo.InvariantCulture), street[i + 1].Text))
            {
                street[i] = street[i] with { Text = street[i].Text + street[i + 1].Text };
                street.RemoveAt(i + 1);
            }
        }
    }

    private static void SplitGluedDesignators(List<AddressToken> street)
    {
        for (var i = 1; i < street.Count; i++)
        {
            var text = street[i].Text;
            var designator = GluedDesignators.FirstOrDefault(d => text.Length > d.Length && text.StartsWith(d, StringComparison.Ordinal)
                && char.IsAsciiDigit(text[d.Length]) && IsUnitId(text[d.Length..]));
            if (designator is not null)
            {
                street[i] = street[i] with { Text = designator };
                street.Insert(i + 1, new AddressToken(text[designator.Length..]));
            }
        }
    }

    // The unit starts after the street's type or directional, or after a comma.
    private static bool EndsStreet(List<AddressToken> street, int index) =>
        street[index].AfterComma || StreetSuffixes.IsSuffix(street[index - 1].Text) || StreetWords.IsDirectional(street[index - 1].Text);

    private static string? Cut(List<AddressToken> street, int index, string unit)
    {
        street.RemoveRange(index, street.Count - index);
        return unit.Length == 0 ? null : unit; // a bare "#" marks a unit but names none
    }

    // "3", "3B", "A-1" → "A1": ids are compacted so "#3 B" and "APT 3B" agree.
    private static string Id(List<AddressToken> street, int from) =>
        string.Concat(street.Skip(from).Select(t => t.Text).Where(t => t != "-" && t != "#"));

    // "500", "7", "3B": digits and at most one letter.
    private static bool IsUnitId(string text)
    {
        var digits = text.TakeWhile(char.IsAsciiDigit).Count();
        return digits is > 0 and <= 5 && text.Length - digits <= 1 && text.Skip(digits).All(char.IsAsciiLetter);
    }

    private static bool IsFloorNumber(string text, out string level)
    {
        text = StreetWords.NameWord(text, isFirstOfSeveral: false); // "FIRST" → "1ST"
        level = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        var letters = text[level.Length..];
        return level.Length is > 0 and <= 3
            && (letters.Length == 0 || StreetWords.IsOrdinalNumeral(int.Parse(level, CultureInfo.InvariantCulture), letters));
    }
}
