using System.Text.Json;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// The properties of one object item of a JSON feed, read by name (case-insensitive) as text and held to
/// <see cref="FieldBounds"/> as a CSV row's cells are (<see cref="BoundedFields"/>).
/// </summary>
public sealed class JsonItemFields(JsonElement item, FieldBounds bounds)
{
    private readonly BoundedFields _read = new(bounds);

    /// <summary>Values of this item that could not be used as written, and free text that was cut.</summary>
    public FieldWarnings Warnings => _read.Warnings;

    /// <summary>Why the item cannot be used: an identifier, address or code read from it was too long; null when none was.</summary>
    public string? Overlong => _read.Overlong;

    /// <summary>The property trimmed and held to the bound of <paramref name="kind"/>; null when absent or blank, or too long for an identifier, address or code.</summary>
    public string? Read(string name, FieldKind kind) => _read.Read(name, AsWritten(name), kind);

    /// <summary>
    /// The property for a parser (<see cref="FieldKind.Parsed"/>), as written: strings as they are (an empty
    /// string can mean something), numbers and booleans as their JSON text, null/absent/objects as null.
    /// </summary>
    public string? AsWritten(string name) => Property(item, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    /// <summary>The first property of <paramref name="element"/> named <paramref name="name"/>, in any case.</summary>
    public static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }
}
