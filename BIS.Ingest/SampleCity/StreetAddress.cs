using System.Collections.Frozen;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// A building address the way Boston assessing keeps it: house number (may carry a letter,
/// "426R"), optional end of range, street name and the assessor's short suffix ("ST", "AV", "TE", "HW").
/// </summary>
internal sealed record StreetAddress(string Number, string? Number2, string Street, string? Suffix)
{
    /// <summary>Assessor's two-letter suffixes and their spelled-out and USPS forms.</summary>
    private static readonly FrozenDictionary<string, (string Usps, string Word)> Suffixes = new Dictionary<string, (string, string)>
    {
        ["ST"] = ("ST", "Street"),
        ["AV"] = ("AVE", "Avenue"),
        ["RD"] = ("RD", "Road"),
        ["PL"] = ("PL", "Place"),
        ["CT"] = ("CT", "Court"),
        ["SQ"] = ("SQ", "Square"),
        ["TE"] = ("TER", "Terrace"),
        ["HW"] = ("HWY", "Highway"),
        ["WY"] = ("WAY", "Way"),
        ["PK"] = ("PARK", "Park"),
        ["WH"] = ("WHARF", "Wharf"),
        ["RO"] = ("ROW", "Row"),
        ["CI"] = ("CIR", "Circle"),
        ["LA"] = ("LN", "Lane"),
        ["DR"] = ("DR", "Drive"),
        ["BL"] = ("BLVD", "Boulevard"),
        ["PW"] = ("PKWY", "Parkway"),
        ["AL"] = ("ALY", "Alley"),
    }.ToFrozenDictionary();

    /// <summary>Other spellings seen in the city's files, mapped to the assessor's form.</summary>
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["AVE"] = "AV",
        ["TER"] = "TE",
        ["HWY"] = "HW",
        ["WAY"] = "WY",
        ["PARK"] = "PK",
        ["WHARF"] = "WH",
        ["ROW"] = "RO",
        ["CIR"] = "CI",
        ["CIRT"] = "CI",
        ["LN"] = "LA",
        ["BLVD"] = "BL",
        ["PKWY"] = "PW",
        ["STREET"] = "ST",
        ["AVENUE"] = "AV",
        ["ROAD"] = "RD",
        ["PLACE"] = "PL",
        ["COURT"] = "CT",
        ["SQUARE"] = "SQ",
        ["TERRACE"] = "TE",
        ["HIGHWAY"] = "HW",
    }.ToFrozenDictionary();

    private static readonly string[] UnitForms = [" APT {0}", " #{0}", " UNIT {0}", ", Apt {0}", " FL {0}", " Unit {0}"];
    private static readonly string[] Units = ["1", "2", "3", "1R", "2L", "3F", "A", "B", "101", "202"];

    public string StreetWithSuffix => Suffix is null ? Street : $"{Street} {Suffix}";

    /// <summary>The leading digits of the house number (254 of "254A"); null when there is none.</summary>
    public int? LeadingNumber
    {
        get
        {
            var digits = 0;
            while (digits < Number.Length && char.IsAsciiDigit(Number[digits]))
            {
                digits++;
            }

            return digits == 0 ? null : int.Parse(Number.AsSpan(0, digits), provider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>"254 BENNINGTON ST" — how assessing writes the first number and street.</summary>
    public override string ToString() => Number.Length == 0 ? StreetWithSuffix : $"{Number} {StreetWithSuffix}";

    /// <summary>Footprint style with the range as two numbers: "254 256 BENNINGTON ST".</summary>
    public string FootprintStyle => Number2 is null ? ToString() : $"{Number} {Number2} {StreetWithSuffix}";

    public static string? CanonicalSuffix(string? suffix)
    {
        var s = suffix?.Trim().TrimEnd('.').ToUpperInvariant();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        return Suffixes.ContainsKey(s) ? s : Aliases.GetValueOrDefault(s);
    }

    /// <summary>USPS abbreviation for the assessor's suffix ("AV" → "AVE").</summary>
    public static string UspsSuffix(string suffix) => Suffixes.TryGetValue(suffix, out var forms) ? forms.Usps : suffix;

    /// <summary>
    /// Parses an assessing-style address ("254 256 BENNINGTON ST", "426 R SARATOGA ST",
    /// "    PRINCETON ST"); null when no street is left.
    /// </summary>
    public static StreetAddress? Parse(string? text)
    {
        var tokens = (text ?? string.Empty).ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var numbers = new List<string>();
        while (tokens.Count > 1 && TakeNumberPart(tokens[0], numbers, wordsLeft: tokens.Count - 1))
        {
            tokens.RemoveAt(0);
        }

        string? suffix = null;
        if (tokens.Count > 1 && CanonicalSuffix(tokens[^1]) is { } canonical)
        {
            suffix = canonical;
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count == 0)
        {
            return null;
        }

        return new StreetAddress(
            numbers.Count > 0 ? numbers[0] : string.Empty,
            numbers.Count > 1 ? numbers[1] : null,
            string.Join(' ', tokens),
            suffix);
    }

    /// <summary>Folds one leading token into the house numbers; false at the first token of the street name.</summary>
    private static bool TakeNumberPart(string token, List<string> numbers, int wordsLeft)
    {
        if (numbers.Count > 0 && token is "-" or "&" or "TO")
        {
            // "160 - 250 WALDEMAR AV": a range written with a free-standing dash.
            return true;
        }

        if (token.Any(char.IsAsciiDigit) && (char.IsAsciiDigit(token[0]) || numbers.Count > 0))
        {
            numbers.Add(token.Trim('-'));
            return true;
        }

        // "426 R SARATOGA ST", "90 HF FALCON ST": rear/half-building letters belong to the number
        // ("297 E EAGLE ST" keeps its compass point; a lone letter before the suffix is the street, "B ST").
        var rearOrHalf = token == "HF" || (token.Length == 1 && char.IsAsciiLetter(token[0]) && !"NSEW".Contains(token[0], StringComparison.Ordinal));
        if (numbers.Count > 0 && wordsLeft > 1 && rearOrHalf)
        {
            numbers[^1] += token;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The address as another department's clerk might have typed it. Most rows match assessing
    /// (USPS suffix, upper case); a controlled share differs in suffix spelling, case, range style or a unit.
    /// </summary>
    public string Written(Random random, Messiness messiness)
    {
        var usps = Suffix is null ? null : UspsSuffix(Suffix);
        string number = Number;
        string street = Street;
        string? suffix = usps;
        var title = false;
        if (random.Chance(messiness.AddressVariant))
        {
            switch (random.Next(6))
            {
                case 0:
                    title = true;
                    suffix = Suffix is null ? null : Suffixes.GetValueOrDefault(Suffix).Word ?? usps;
                    break;
                case 1:
                    title = true;
                    suffix = usps is null ? null : Formats.Title(usps);
                    break;
                case 2:
                    suffix = usps is null ? null : usps + ".";
                    break;
                case 3:
                    suffix = null;
                    break;
                case 4:
                    number = Number2 is null ? Number : $"{Number}-{Number2}";
                    break;
                default:
                    number = Number2 is null ? Number : $"{Number} TO {Number2}";
                    title = Number2 is not null;
                    break;
            }
        }

        var line = string.Join(' ', new[] { number, title ? Formats.Title(street) : street, suffix }.Where(p => !string.IsNullOrEmpty(p)));
        if (random.Chance(messiness.UnitSuffix))
        {
            line += string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(UnitForms), random.Pick(Units));
        }

        return random.Chance(messiness.LowerCase) ? line.ToLowerInvariant() : line;
    }
}
