namespace BIS.Ingest.Sources.Common;

/// <summary>
/// Bytes of a UTF-8 file that are not UTF-8 (a damaged line, a row pasted in from a Windows-1252 export) are
/// read as U+FFFD where they stand (<see cref="FeedText"/>). The record keeps the rest of its values, and a
/// warning tells the steward where the damage is; a record id with one is no id (see <see cref="InRecordId"/>).
/// </summary>
/// <remarks>
/// Found by the U+FFFD in the decoded text, so the row is named by the line the character is on. A file that
/// holds U+FFFD itself, correctly encoded (EF BF BD), is warned in the same words: such a character is earlier
/// damage, made by whatever decoded the text before it was exported. (UTF-16 text with an unpaired surrogate —
/// not seen in any city export — decodes to U+FFFD too, and is warned in the same words.)
/// </remarks>
public static class ReplacedBytes
{
    public const char Replacement = '\uFFFD';

    public static bool In(string? text) => text is not null && text.Contains(Replacement, StringComparison.Ordinal);

    /// <param name="where">"line 1234" or "item 12".</param>
    /// <param name="fields">The fields that hold a U+FFFD.</param>
    public static string Warning(string where, IEnumerable<string> fields)
    {
        var names = string.Join(", ", fields);
        return $"{where}: bytes that are not valid UTF-8 were replaced by U+FFFD{(names.Length == 0 ? string.Empty : $" in {names}")}";
    }

    /// <summary>Why a record whose id holds a U+FFFD is rejected: the id may not be the one the source meant, so it names no record.</summary>
    public static string InRecordId(string recordId) =>
        $"record id \"{recordId}\" has bytes that are not valid UTF-8 (replaced by U+FFFD), so it names no known record";
}
