using System.Globalization;
using System.Numerics;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// The values of one source row that could not be used as written. The row is not rejected for them —
/// a crew is better told "chlorine, rating unknown" than nothing — but the field is kept unknown and the
/// record carries a warning that names the field, what it said and why, so the data steward sees it.
/// Blank cells are not warnings: an export that leaves a field empty says it does not know.
/// </summary>
public sealed class FieldWarnings
{
    /// <summary>Longer values are cut in the warning; the whole row is in the source file at its line.</summary>
    public const int MaxValueLength = 60;

    private List<string>? _items;

    /// <summary>Null when the row had nothing to warn about.</summary>
    public IReadOnlyList<string>? Items => _items;

    public void Add(string field, string? value, string why) => AddWhole($"{field} \"{Shorten(value)}\" {why}; kept as unknown");

    /// <summary>A warning written out whole (about a coordinate pair, or a cut text); one the row already has is not repeated.</summary>
    public void AddWhole(string warning)
    {
        // A mapping may read one cell twice (a permit's description classifies the work and describes it).
        if (_items?.Contains(warning) != true)
        {
            (_items ??= []).Add(warning);
        }
    }

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/>; otherwise null with a warning.</summary>
    public int? Int(string field, string? text, int min = int.MinValue, int max = int.MaxValue) =>
        Number<int>(field, text, FieldParser.TryInt, "is not a whole number", min, max);

    /// <summary>A number within <paramref name="min"/>..<paramref name="max"/>; otherwise null with a warning.</summary>
    public decimal? Decimal(string field, string? text, decimal min = decimal.MinValue, decimal max = decimal.MaxValue) =>
        Number<decimal>(field, text, FieldParser.TryDecimal, "is not a number", min, max);

    public DateOnly? Date(string field, string? text) => Parsed<DateOnly>(field, text, FieldParser.TryDate, "is not a date");

    public DateTimeOffset? Timestamp(string field, string? text) => Parsed<DateTimeOffset>(field, text, FieldParser.TryTimestamp, "is not a date and time");

    public bool? Bool(string field, string? text) => Parsed<bool>(field, text, FieldParser.TryBool, "is not yes or no");

    private delegate bool TryParse<T>(string? text, out T? value)
        where T : struct;

    /// <summary>The value <paramref name="parse"/> reads (null for a blank cell); null with a warning when it cannot.</summary>
    private T? Parsed<T>(string field, string? text, TryParse<T> parse, string notOne)
        where T : struct
    {
        if (parse(text, out var value))
        {
            return value;
        }

        Add(field, text, notOne);
        return null;
    }

    private T? Number<T>(string field, string? text, TryParse<T> parse, string notOne, T min, T max)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var value = Parsed(field, text, parse, notOne);
        if (value is not { } v || (v >= min && v <= max))
        {
            return value;
        }

        Add(field, text, max == T.MaxValue ? $"is below {Invariant(min)}"
            : min == T.MinValue ? $"is above {Invariant(max)}"
            : $"is outside {Invariant(min)}–{Invariant(max)}");
        return null;
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Shorten(string? value)
    {
        // PostgreSQL text cannot hold NUL; the warning shows where one was.
        var text = (value ?? string.Empty).Trim().ReplaceLineEndings(" ").Replace('\0', '\uFFFD');
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "…");
    }
}
