using System.Globalization;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// Tolerant parsing of export cell text. Each TryX returns true with a null value for a blank cell
/// (empty, spaces, "N/A", "NULL", "-"), true with the value when it parses, and false when the cell holds
/// something that is not a value of that type — the caller decides whether that rejects the row.
/// </summary>
public static class FieldParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
        "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm tt", "M/d/yyyy h:mm:ss tt", "yyyyMMdd",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public static bool IsBlank(string? text)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t)
            || t.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || t.Equals("NA", StringComparison.OrdinalIgnoreCase)
            || t.Equals("NULL", StringComparison.OrdinalIgnoreCase)
            || t.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || t == "-";
    }

    /// <summary>"12", "1,200", "12.0" (whole float from a spreadsheet) → int.</summary>
    public static bool TryInt(string? text, out int? value)
    {
        value = null;
        if (IsBlank(text))
        {
            return true;
        }

        if (!TryDecimal(text, out var d) || d is not { } number || number != decimal.Truncate(number)
            || number < int.MinValue || number > int.MaxValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>"1,234.50", "$1,234.50", " 12 " → decimal.</summary>
    public static bool TryDecimal(string? text, out decimal? value)
    {
        value = null;
        if (IsBlank(text))
        {
            return true;
        }

        var cleaned = text!.Trim().Replace("$", string.Empty, StringComparison.Ordinal);
        if (decimal.TryParse(cleaned, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }

        return false;
    }

    /// <summary>YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, ISO with T, MM/DD/YYYY (with or without time) → the calendar date.</summary>
    public static bool TryDate(string? text, out DateOnly? value)
    {
        value = null;
        if (IsBlank(text))
        {
            return true;
        }

        var t = text!.Trim();
        if (DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            value = DateOnly.FromDateTime(local);
            return true;
        }

        if (HasExplicitOffset(t)
            && DateTimeOffset.TryParseExact(t, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
        {
            value = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(withOffset, BostonTime.Zone).DateTime);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A timestamp; naive ones ("2024-10-18 10:50:49", the city's usual form) are Boston local time,
    /// ones with an offset or Z keep it; a bare date means local midnight.
    /// </summary>
    public static bool TryTimestamp(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (IsBlank(text))
        {
            return true;
        }

        var t = text!.Trim();
        if (HasExplicitOffset(t)
            && DateTimeOffset.TryParseExact(t, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
        {
            value = withOffset;
            return true;
        }

        if (DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            value = BostonTime.At(local);
            return true;
        }

        return false;
    }

    /// <summary>Y/N, YES/NO, TRUE/FALSE, T/F, 1/0 in any case.</summary>
    public static bool TryBool(string? text, out bool? value)
    {
        value = null;
        if (IsBlank(text))
        {
            return true;
        }

        switch (text!.Trim().ToUpperInvariant())
        {
            case "Y" or "YES" or "TRUE" or "T" or "1":
                value = true;
                return true;
            case "N" or "NO" or "FALSE" or "F" or "0":
                value = false;
                return true;
            default:
                return false;
        }
    }

    // "K" in a format also matches no zone at all, which would read a naive city timestamp as machine-local time.
    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z')
        || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':' && text.IndexOf(':', StringComparison.Ordinal) < text.Length - 6);

    /// <summary>Trimmed text with runs of spaces collapsed; null for blanks (including "N/A").</summary>
    public static string? Text(string? text) =>
        IsBlank(text) ? null : string.Join(' ', text!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
