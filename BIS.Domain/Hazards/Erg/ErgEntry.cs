using System.Globalization;

namespace BIS.Domain.Hazards.Erg;

/// <summary>
/// One row of the Emergency Response Guidebook index (yellow/blue pages): a UN/NA number, one of its
/// names and the orange-page guide for it.
/// </summary>
public sealed record ErgEntry
{
    /// <summary>Four digits, text ("1017").</summary>
    public required string UnNumber { get; init; }
    /// <summary>Guide as printed, with the "P" suffix when the material may polymerize ("116P").</summary>
    public required string Guide { get; init; }
    public required int GuideNumber { get; init; }
    public bool Polymerizes { get; init; }
    /// <summary>Highlighted green in the ERG index: toxic-inhalation hazard with Table 1 distances.</summary>
    public bool ToxicInhalationHazard { get; init; }
    public required string MaterialName { get; init; }

    /// <summary>
    /// Builds an entry from the text fields of the reference table
    /// (un_na_id, guide, guide_number, polymerization_P, tih_green_listed, material_name).
    /// </summary>
    /// <exception cref="FormatException">The UN number or guide is not usable; the message says which.</exception>
    public static ErgEntry FromFields(
        string? unNaId, string? guide, string? guideNumber, string? polymerization, string? tihGreenListed, string? materialName)
    {
        var un = Erg.UnNumber.Normalize(unNaId)
            ?? throw new FormatException($"ERG entry: '{unNaId}' is not a UN/NA number.");
        var guideText = guide?.Trim().ToUpperInvariant() ?? string.Empty;
        var digits = new string(guideText.TakeWhile(char.IsAsciiDigit).ToArray());
        if (!int.TryParse(string.IsNullOrWhiteSpace(guideNumber) ? digits : guideNumber.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 111 or > 174)
        {
            throw new FormatException($"ERG entry {un}: guide '{guide}' / '{guideNumber}' is not an ERG guide (111–174).");
        }

        if (guideText.Length == 0)
        {
            guideText = number.ToString(CultureInfo.InvariantCulture);
        }

        return new ErgEntry
        {
            UnNumber = un,
            Guide = guideText,
            GuideNumber = number,
            Polymerizes = IsYes(polymerization) || guideText.EndsWith('P'),
            ToxicInhalationHazard = IsYes(tihGreenListed),
            MaterialName = materialName?.Trim() ?? string.Empty,
        };
    }

    private static bool IsYes(string? flag) =>
        flag?.Trim().ToUpperInvariant() is "Y" or "YES" or "TRUE" or "1";
}
