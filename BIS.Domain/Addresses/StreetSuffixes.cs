namespace BIS.Domain.Addresses;

/// <summary>Street type words (the "ST" of "SUMNER ST") and their standard abbreviations.</summary>
internal static class StreetSuffixes
{
    // USPS Publication 28, Appendix C1: the common street types and every spelling Pub. 28 accepts for them.
    // Types that double as place or name words Boston uses without a type ("Georges Island", "Boston Harbor",
    // "Centre") are left out on purpose: abbreviating them would only make keys harder to read.
    private static readonly (string Standard, string[] Spellings)[] Pub28 =
    [
        ("ALY", ["ALLEY", "ALLEE", "ALLY", "ALY"]),
        ("ANX", ["ANNEX", "ANEX", "ANNX", "ANX"]),
        ("ARC", ["ARCADE", "ARC"]),
        ("AVE", ["AVENUE", "AVE", "AV", "AVEN", "AVENU", "AVN", "AVNUE"]),
        ("BLVD", ["BOULEVARD", "BLVD", "BOUL", "BOULV"]),
        ("BYP", ["BYPASS", "BYP", "BYPA", "BYPAS", "BYPS"]),
        ("CSWY", ["CAUSEWAY", "CAUSWA", "CSWY"]),
        ("CIR", ["CIRCLE", "CIR", "CIRC", "CIRCL", "CRCL", "CRCLE"]),
        ("CT", ["COURT", "CT"]),
        ("CRES", ["CRESCENT", "CRES", "CRSENT", "CRSNT"]),
        ("XING", ["CROSSING", "CRSSNG", "XING"]),
        ("DR", ["DRIVE", "DR", "DRIV", "DRV"]),
        ("EXPY", ["EXPRESSWAY", "EXPY", "EXP", "EXPR", "EXPRESS", "EXPW"]),
        ("EXT", ["EXTENSION", "EXT", "EXTN", "EXTNSN"]),
        ("FWY", ["FREEWAY", "FWY", "FREEWY", "FRWAY", "FRWY"]),
        ("GDN", ["GARDEN", "GDN", "GARDN", "GRDEN", "GRDN"]),
        ("GDNS", ["GARDENS", "GDNS", "GRDNS"]),
        ("GRN", ["GREEN", "GRN"]),
        ("HTS", ["HEIGHTS", "HTS", "HT"]),
        ("HWY", ["HIGHWAY", "HWY", "HIGHWY", "HIWAY", "HIWY", "HWAY"]),
        ("LN", ["LANE", "LN"]),
        ("LOOP", ["LOOP", "LOOPS"]),
        ("MALL", ["MALL"]),
        ("PARK", ["PARK", "PRK", "PARKS"]),
        ("PKWY", ["PARKWAY", "PKWY", "PARKWY", "PKWAY", "PKY", "PARKWAYS", "PKWYS"]),
        ("PATH", ["PATH", "PATHS"]),
        ("PIKE", ["PIKE", "PIKES"]),
        ("PL", ["PLACE", "PL"]),
        ("PLZ", ["PLAZA", "PLZ", "PLZA"]),
        ("PT", ["POINT", "PT"]),
        ("RD", ["ROAD", "RD"]),
        ("ROW", ["ROW"]),
        ("SQ", ["SQUARE", "SQ", "SQR", "SQRE", "SQU"]),
        ("ST", ["STREET", "ST", "STR", "STRT"]),
        ("TER", ["TERRACE", "TER", "TERR"]),
        ("TRL", ["TRAIL", "TRL", "TRAILS", "TRLS"]),
        ("TPKE", ["TURNPIKE", "TPKE", "TRNPK", "TURNPK"]),
        ("WALK", ["WALK", "WALKS"]),
        ("WAY", ["WAY", "WY"]),
    ];

    // Boston's own systems (assessing, ISD violations, BFD incidents, building footprints) use two-letter codes
    // outside Pub. 28. Each was checked against the full street name elsewhere in the same records:
    // "India RO" is "85 E INDIA ROW", "Munroe TR"/"Kilsyth TR" are terraces, "Widett CR" is a circle,
    // "Crescent CIRT" is "N Crescent Circuit" (kept with circles so CIRT and CIRCUIT agree).
    private static readonly (string Standard, string[] Spellings)[] BostonCodes =
    [
        ("ALY", ["AL"]),
        ("BLVD", ["BL"]),
        ("CIR", ["CI", "CR", "CIRT", "CIRCUIT"]),
        ("HWY", ["HW", "HY"]),
        ("LN", ["LA"]),
        ("PARK", ["PK"]),
        ("PKWY", ["PY", "PW"]),
        ("ROW", ["RO"]),
        ("TER", ["TE", "TR"]),
        ("WHF", ["WHARF", "WHF", "WH", "WF"]), // wharves are a Boston street type Pub. 28 does not list
    ];

    private static readonly Dictionary<string, string> Standards = Build();

    public static bool TryGetStandard(string word, out string standard) =>
        Standards.TryGetValue(word, out standard!);

    public static bool IsSuffix(string word) => Standards.ContainsKey(word);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (standard, spellings) in Pub28.Concat(BostonCodes))
        {
            foreach (var spelling in spellings)
            {
                map[spelling] = standard;
            }
        }

        return map;
    }
}
