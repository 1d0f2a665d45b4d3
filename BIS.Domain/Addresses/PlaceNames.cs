namespace BIS.Domain.Addresses;

/// <summary>Boston neighbourhoods, the towns next to it, and how the feeds spell them.</summary>
internal static class PlaceNames
{
    private const int MaxWords = 4;

    // Every spelling → canonical place. Neighbourhoods are what the city's feeds put in their city column
    // ("East Boston", "Dorchester (Lower Mills)", "Kenmore/fenway"); the towns appear on mutual-aid and owner addresses.
    private static readonly Dictionary<string, string> Spellings = Build(
        ("BOSTON", ["BOSTON"]),
        ("ALLSTON", ["ALLSTON"]),
        ("BACK BAY", ["BACK BAY"]),
        ("BAY VILLAGE", ["BAY VILLAGE"]),
        ("BEACON HILL", ["BEACON HILL"]),
        ("BRIGHTON", ["BRIGHTON"]),
        ("CHARLESTOWN", ["CHARLESTOWN"]),
        ("CHESTNUT HILL", ["CHESTNUT HILL"]),
        ("CHINATOWN", ["CHINATOWN"]),
        ("DORCHESTER", ["DORCHESTER", "DORCHESTER CENTER", "DORCHESTER CTR"]),
        ("DOWNTOWN", ["DOWNTOWN", "FINANCIAL DISTRICT", "GOVERNMENT CENTER"]),
        ("EAST BOSTON", ["EAST BOSTON", "E BOSTON"]),
        ("FENWAY", ["FENWAY", "KENMORE", "FENWAY KENMORE", "KENMORE FENWAY"]),
        ("HYDE PARK", ["HYDE PARK", "READVILLE"]),
        ("JAMAICA PLAIN", ["JAMAICA PLAIN", "JP"]),
        ("LEATHER DISTRICT", ["LEATHER DISTRICT"]),
        ("LONGWOOD", ["LONGWOOD", "LONGWOOD MEDICAL AREA"]),
        ("MATTAPAN", ["MATTAPAN"]),
        ("MISSION HILL", ["MISSION HILL"]),
        ("NORTH END", ["NORTH END"]),
        ("ROSLINDALE", ["ROSLINDALE"]),
        ("ROXBURY", ["ROXBURY", "ROXBURY CROSSING"]),
        ("SOUTH BOSTON", ["SOUTH BOSTON", "S BOSTON", "SOUTH BOSTON WATERFRONT"]),
        ("SOUTH END", ["SOUTH END"]),
        ("WEST END", ["WEST END"]),
        ("WEST ROXBURY", ["WEST ROXBURY", "W ROXBURY"]),
        ("BROOKLINE", ["BROOKLINE"]),
        ("CAMBRIDGE", ["CAMBRIDGE"]),
        ("CHELSEA", ["CHELSEA"]),
        ("DEDHAM", ["DEDHAM"]),
        ("MILTON", ["MILTON"]),
        ("NEWTON", ["NEWTON"]),
        ("QUINCY", ["QUINCY"]),
        ("REVERE", ["REVERE"]),
        ("SOMERVILLE", ["SOMERVILLE"]),
        ("WATERTOWN", ["WATERTOWN"]),
        ("WINTHROP", ["WINTHROP"]));

    // A neighbourhood that starts with a compass word collides with a street's post-directional:
    // "50 Charlesgate East Boston MA 02215" is Charlesgate E in Boston, not Charlesgate in East Boston.
    // The ZIP decides when there is one.
    private static readonly Dictionary<string, string[]> CompassPlaceZips = new(StringComparer.Ordinal)
    {
        ["EAST BOSTON"] = ["02128"],
        ["SOUTH BOSTON"] = ["02127", "02210"],
        ["WEST ROXBURY"] = ["02132"],
        ["NORTH END"] = ["02113", "02109"],
        ["SOUTH END"] = ["02118", "02116"],
        ["WEST END"] = ["02114"],
    };

    public static bool IsState(string word) => word is "MA" or "MASS" or "MASSACHUSETTS";

    public static bool TryGetPlace(IEnumerable<string> words, out string place) =>
        Spellings.TryGetValue(string.Join(' ', words), out place!);

    /// <summary>Places spelled by the words just before <paramref name="end"/> (exclusive), longest first.</summary>
    public static IEnumerable<(int Start, string Place)> PlacesEndingAt(IReadOnlyList<AddressToken> tokens, int end)
    {
        for (var words = Math.Min(MaxWords, end); words >= 1; words--)
        {
            var start = end - words;
            var phrase = string.Join(' ', tokens.Skip(start).Take(words).Select(t => t.Text));
            if (Spellings.TryGetValue(phrase, out var place))
            {
                yield return (start, place);
            }
        }
    }

    /// <summary>False when <paramref name="zip"/> is known and lies outside a compass-named <paramref name="place"/>.</summary>
    public static bool ZipAllows(string place, string? zip) =>
        zip is null || !CompassPlaceZips.TryGetValue(place, out var zips) || zips.Contains(zip);

    public static bool StartsWithCompassWord(string place) => CompassPlaceZips.ContainsKey(place);

    /// <summary>Canonical place for a city column: "East Boston/" → "EAST BOSTON", "Allston/Boston" → "ALLSTON", "ROXBURY CROSSIN" → "ROXBURY".</summary>
    public static string? Canonical(string? city)
    {
        var words = AddressTokenizer.Tokenize(city)?.Select(t => t.Text).Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        if (words is null || words.Count == 0)
        {
            return null;
        }

        // The first place the column starts with: the rest is a qualifier ("Dorchester Center", "Allston/Boston")
        // or a truncation ("ROXBURY CROSSIN").
        for (var count = Math.Min(MaxWords, words.Count); count >= 1; count--)
        {
            if (Spellings.TryGetValue(string.Join(' ', words.Take(count)), out var place))
            {
                return place;
            }
        }

        return string.Join(' ', words);
    }

    private static Dictionary<string, string> Build(params (string Place, string[] Spellings)[] places)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (place, spellings) in places)
        {
            foreach (var spelling in spellings)
            {
                map[spelling] = place;
            }
        }

        return map;
    }
}
