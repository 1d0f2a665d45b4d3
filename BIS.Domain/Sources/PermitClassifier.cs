using System.Text.RegularExpressions;

namespace BIS.Domain.Sources;

/// <summary>
/// Decides what kind of work a permit or zoning appeal is about, from the ISD work-type code and the
/// free-text description.
/// </summary>
/// <remarks>
/// A specific fire-relevant work-type code (demolition, sprinkler, alarm, change of occupancy) wins. A
/// generic or unknown code is refined by the description, in this order: demolition (structure may be
/// unstable or open), change of occupancy (the building may hold more people than the assessor says),
/// sprinkler work (system may be impaired), alarm work, then construction. One permit gets one kind, so
/// the order puts first what changes how crews approach the building.
/// </remarks>
public static partial class PermitClassifier
{
    private static readonly Dictionary<string, PermitWorkKind> WorkTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INTDEM"] = PermitWorkKind.Demolition,
        ["EXTDEM"] = PermitWorkKind.Demolition,
        ["RAZE"] = PermitWorkKind.Demolition,
        ["DEMO"] = PermitWorkKind.Demolition,
        ["DEMOL"] = PermitWorkKind.Demolition,
        ["SPRNK"] = PermitWorkKind.SprinklerWork,
        ["SPRINK"] = PermitWorkKind.SprinklerWork,
        ["SPRINKLER"] = PermitWorkKind.SprinklerWork,
        ["FA"] = PermitWorkKind.AlarmWork,
        ["FIREALARM"] = PermitWorkKind.AlarmWork,
        ["FALARM"] = PermitWorkKind.AlarmWork,
        ["COO"] = PermitWorkKind.ChangeOfOccupancy,
        ["CHGOCC"] = PermitWorkKind.ChangeOfOccupancy,
        ["NEWCON"] = PermitWorkKind.Construction,
        ["ERECT"] = PermitWorkKind.Construction,
        ["INTEXT"] = PermitWorkKind.Construction,
        ["EXTREN"] = PermitWorkKind.Construction,
        ["INTREN"] = PermitWorkKind.Construction,
        ["ADDITION"] = PermitWorkKind.Construction,
        ["ALTER"] = PermitWorkKind.Construction,
        ["RENOV"] = PermitWorkKind.Construction,
    };

    /// <param name="workType">ISD work-type code ("INTDEM", "SPRNK"…), or null (zoning appeals have none).</param>
    /// <param name="texts">Permit type description, description, comments — any free text about the work.</param>
    public static PermitWorkKind Classify(string? workType, params string?[] texts)
    {
        var code = workType?.Trim();
        var byCode = !string.IsNullOrEmpty(code) && WorkTypes.TryGetValue(code, out var kind) ? kind : PermitWorkKind.Other;
        if (byCode is not (PermitWorkKind.Other or PermitWorkKind.Construction))
        {
            return byCode;
        }

        var text = string.Join(" \u2029 ", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length == 0)
        {
            return byCode;
        }

        return Demolition().IsMatch(text) ? PermitWorkKind.Demolition
            : ChangeOfOccupancy().IsMatch(text) ? PermitWorkKind.ChangeOfOccupancy
            : Sprinkler().IsMatch(text) ? PermitWorkKind.SprinklerWork
            : Alarm().IsMatch(text) ? PermitWorkKind.AlarmWork
            : byCode == PermitWorkKind.Construction || Construction().IsMatch(text) ? PermitWorkKind.Construction
            : PermitWorkKind.Other;
    }

    [GeneratedRegex(@"\b(demo|demolition|demolish\w*|raze|razing|razed|wreck\w*|tear\s+down|take\s+down\s+(the\s+)?(existing\s+)?(building|structure|house|garage))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Demolition();

    [GeneratedRegex(@"\b(change\s+(of\s+|in\s+)?(occupancy|occupany|use)|chg\.?\s+occ\w*|occupancy\s+change|convert\w*\s+.{0,40}?\bto\s+(a\s+)?\d+\s*(-\s*)?(family|unit)s?|legali[sz]e\s+.{0,30}?(unit|family|dwelling|occupancy))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangeOfOccupancy();

    [GeneratedRegex(@"\b(sprinkler\w*|fire\s+suppression|standpipe\w*|nfpa\s*13\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sprinkler();

    [GeneratedRegex(@"\b(fire\s+alarm\w*|smoke\s+(detector|alarm)\w*|alarm\s+(system|panel)\w*|fire\s+detection)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Alarm();

    [GeneratedRegex(@"\b(new\s+construction|construct\w*|erect\w*|build\w*|addition|renovat\w*|remodel\w*|alteration\w*|dormer\w*|extension|extend\w*|new\s+\d+\s*(-\s*)?(family|unit|story))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Construction();
}
