using System.Text.Json;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// A NUL character (U+0000) in a source value is damage in the file, not data — and PostgreSQL text and
/// jsonb cannot hold one, so a single such value would fail the whole load. The row or item that has one
/// is rejected with this reason instead, and the rest of the file loads.
/// </summary>
public static class NulText
{
    public const string Problem = "contains a NUL character (U+0000): the file is damaged here";

    public static bool In(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary>True when any name or string value in <paramref name="element"/> holds a NUL.</summary>
    /// <param name="rawText">The element's JSON text: NUL can only be written there as an escape, so most items are cleared by one scan.</param>
    public static bool In(JsonElement element, string rawText) =>
        rawText.Contains("\\u0000", StringComparison.Ordinal) && In(element);

    private static bool In(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => In(element.GetString()),
        JsonValueKind.Object => element.EnumerateObject().Any(p => In(p.Name) || In(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(In),
        _ => false,
    };
}
