namespace BIS.Domain.Addresses;

/// <summary>Directionals and the words inside street names that feeds spell in more than one way.</summary>
internal static class StreetWords
{
    private static readonly Dictionary<string, string> Directionals = new(StringComparer.Ordinal)
    {
        ["NORTH"] = "N", ["N"] = "N", ["SOUTH"] = "S", ["S"] = "S",
        ["EAST"] = "E", ["E"] = "E", ["WEST"] = "W", ["W"] = "W",
        ["NORTHEAST"] = "NE", ["NE"] = "NE", ["NORTHWEST"] = "NW", ["NW"] = "NW",
        ["SOUTHEAST"] = "SE", ["SE"] = "SE", ["SOUTHWEST"] = "SW", ["SW"] = "SW",
    };

    // "FIRST ST" and "1ST ST" must agree; numerals are the Pub. 28 form and what Boston's own layers mostly use.
    private static readonly string[] Ordinals =
    [
        "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH", "TENTH",
        "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH", "SIXTEENTH", "SEVENTEENTH",
        "EIGHTEENTH", "NINETEENTH", "TWENTIETH",
    ];

    // Abbreviations inside a name (not its type) are spelled out so "MT VERNON ST" and "MOUNT VERNON ST",
    // "WHITE ST PL" and "WHITE STREET PL", "WM F MCCLELLAN HWY" and "WILLIAM F MCCLELLAN HWY" agree.
    // Only abbreviations with one reading are listed: "DR" (Doctor/Drive) and "LA" (La Grange) stay as written.
    private static readonly Dictionary<string, string> NameAbbreviations = new(StringComparer.Ordinal)
    {
        ["ST"] = "STREET", ["STR"] = "STREET", ["AVE"] = "AVENUE", ["AV"] = "AVENUE", ["RD"] = "ROAD",
        ["SQ"] = "SQUARE", ["BLVD"] = "BOULEVARD", ["HWY"] = "HIGHWAY", ["PKWY"] = "PARKWAY", ["LN"] = "LANE",
        ["TER"] = "TERRACE", ["MT"] = "MOUNT", ["FT"] = "FORT", ["PT"] = "POINT", ["WM"] = "WILLIAM",
    };

    public static bool TryGetDirectional(string word, out string abbreviation) =>
        Directionals.TryGetValue(word, out abbreviation!);

    public static bool IsDirectional(string word) => Directionals.ContainsKey(word);

    /// <summary>Canonical spelling of one word of a street's name (not its type or directional).</summary>
    public static string NameWord(string word, bool isFirstOfSeveral)
    {
        // A leading "ST" before a name is Saint ("ST JOHN ST"); anywhere else it is Street ("WHITE ST PL").
        if (isFirstOfSeveral && word == "ST")
        {
            return "SAINT";
        }

        if (NameAbbreviations.TryGetValue(word, out var full))
        {
            return full;
        }

        var ordinal = Array.IndexOf(Ordinals, word);
        if (ordinal >= 0)
        {
            return OrdinalNumeral(ordinal + 1);
        }

        return FixZeroForO(word);
    }

    /// <summary>True for "1ST", "2ND", "13TH": street names, never house numbers with a letter.</summary>
    public static bool IsOrdinalNumeral(int number, string letters) => letters == OrdinalSuffix(number);

    private static string OrdinalNumeral(int n) => $"{n}{OrdinalSuffix(n)}";

    private static string OrdinalSuffix(int n) =>
        (n % 100) is 11 or 12 or 13 ? "TH" : (n % 10) switch { 1 => "ST", 2 => "ND", 3 => "RD", _ => "TH" };

    // Keyed-in typo seen in BFD incidents: "C0MMONWEALTH". A zero between letters is always a letter O.
    private static string FixZeroForO(string word)
    {
        if (!word.Contains('0') || !char.IsAsciiLetter(word[0]) || !word.All(c => c == '0' || char.IsAsciiLetter(c)))
        {
            return word;
        }

        return word.Replace('0', 'O');
    }
}
