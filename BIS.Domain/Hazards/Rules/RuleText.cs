using System.Globalization;

namespace BIS.Domain.Hazards.Rules;

/// <summary>Invariant formatting for flag text, so the same facts always read the same.</summary>
internal static class RuleText
{
    private const int MaxSourceText = 200;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown date";

    public static string Date(DateTimeOffset? date) => date is null ? "unknown date" : Date(DateOnly.FromDateTime(date.Value.DateTime));

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Meters(double meters) =>
        string.Create(CultureInfo.InvariantCulture, $"{meters:0} m ({meters / 0.3048:0} ft)");

    /// <summary>Source text trimmed to one line of reasonable length; null when blank.</summary>
    public static string? Clip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxSourceText ? oneLine : string.Concat(oneLine.AsSpan(0, MaxSourceText - 1), "…");
    }

    /// <summary>Joins the non-blank parts as sentences.</summary>
    public static string Sentences(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.TrimEnd().EndsWith('.') ? p.TrimEnd() : p.TrimEnd() + "."));

    public static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
