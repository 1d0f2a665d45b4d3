using System.Text.RegularExpressions;
using BIS.Domain.Addresses;

namespace BIS.Ingest.Sources.Common;

/// <summary>Ids and ZIPs read as text, undoing what spreadsheets and number-typed exports do to them.</summary>
public static partial class SourceIds
{
    /// <summary>"16298.0" → "16298", " V91983 " → "V91983"; null for blanks.</summary>
    public static string? IdText(string? text)
    {
        if (FieldParser.IsBlank(text))
        {
            return null;
        }

        var t = text!.Trim();
        var whole = WholeFloat().Match(t);
        return whole.Success ? whole.Groups[1].Value : t;
    }

    /// <summary>
    /// Ten-character Boston parcel id: "100021000" (leading zero lost as an integer) and "100021000.0" become
    /// "0100021000". Null for blanks and for anything that is not up to ten digits.
    /// </summary>
    public static string? Pid10(string? text)
    {
        var id = IdText(text);
        if (id is null || id.Length > 10 || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        return id.PadLeft(10, '0');
    }

    /// <summary>Five-digit ZIP ("2128" → "02128"); null for blanks, junk and the "00000" geocoders emit.</summary>
    public static string? Zip5(string? text)
    {
        var zip = AddressNormalizer.NormalizeZip(text);
        return zip is null or "00000" ? null : zip;
    }

    [GeneratedRegex(@"^(\d+)\.0+$")]
    private static partial Regex WholeFloat();
}
