namespace BIS.Domain.Addresses;

/// <summary>Builds the canonical street ([directional] name [type] [directional]) from the words after the house number.</summary>
internal static class StreetNameParser
{
    /// <summary>"West Broadway" → "W BROADWAY", "ST JOHN STREET" → "SAINT JOHN ST"; null when there is no street (or it is an intersection).</summary>
    public static string? Parse(IEnumerable<AddressToken> tokens)
    {
        var words = tokens.Select(t => t.Text).Where(w => w is not "-" and not "#").ToList();
        if (words.Contains("&"))
        {
            return null; // "Barbara St & S Huntington Ave" is an intersection, not a building
        }

        if (!words.Any(w => w.Any(char.IsLetter)))
        {
            return null; // "1/2", "253": no street is named by digits alone
        }

        DropNearDescription(words);
        DropRemarksAfterType(words);

        var end = words.Count;
        string? postDirectional = null;
        string? suffix = null;
        string? preDirectional = null;

        // "CHARLESGATE EAST", "… ST E": a trailing directional, as long as something other than directionals precedes it.
        if (end >= 2 && StreetWords.TryGetDirectional(words[end - 1], out var post) && !StreetWords.IsDirectional(words[end - 2]))
        {
            postDirectional = post;
            end--;
        }

        // The type needs a name before it: "PARK ST" is Park Street, but "PARK" alone is a street named Park.
        if (end >= 2 && StreetSuffixes.TryGetStandard(words[end - 1], out var type))
        {
            suffix = type;
            end--;
        }

        // Likewise a leading directional needs a name after it: "E ST" and "WEST ST" are names, "WEST BROADWAY" is W BROADWAY.
        var start = 0;
        if (end >= 2 && StreetWords.TryGetDirectional(words[0], out var pre))
        {
            preDirectional = pre;
            start = 1;
        }

        var nameLength = end - start;
        var name = words.Skip(start).Take(nameLength)
            .Select((word, i) => StreetWords.NameWord(word, isFirstOfSeveral: i == 0 && nameLength > 1));

        return string.Join(' ', new[] { preDirectional }.Concat(name).Append(suffix).Append(postDirectional).OfType<string>());
    }

    // Owner and contact addresses run on past the street: "111-113 TOWNSEND ST CONDO - BANNER PUB",
    // "20 PARIS STREET LLC", or a town this parser does not know. Words after the last street type are dropped
    // unless one of them is a directional ("CONNECTICUT AVE NW"). A type that is the first word of the name
    // ("AVE LOUIS PASTEUR", "W ST JOHN") is the name itself, not the end of the street.
    private static void DropRemarksAfterType(List<string> words)
    {
        var type = words.FindLastIndex(StreetSuffixes.IsSuffix);
        if (type < 1 || type == words.Count - 1
            || words.Take(type).All(StreetWords.IsDirectional)
            || words.Skip(type + 1).Any(StreetWords.IsDirectional))
        {
            return;
        }

        words.RemoveRange(type + 1, words.Count - type - 1);
    }

    // BFD incidents describe locations as "ADAMS NR LOWER MILLS ST" (Adams St near Lower Mills):
    // the street is the words before "NR" with the type at the end.
    private static void DropNearDescription(List<string> words)
    {
        var near = words.IndexOf("NR");
        if (near < 1)
        {
            return;
        }

        var type = words[^1];
        words.RemoveRange(near, words.Count - near);
        if (StreetSuffixes.IsSuffix(type) && !StreetSuffixes.IsSuffix(words[^1]))
        {
            words.Add(type);
        }
    }
}
