namespace BIS.Ingest.Sources.Common;

/// <summary>
/// The values of one source row or item as its mapping reads them — trimmed, blank as null — held to
/// <see cref="FieldBounds"/>: free text cut with a warning, an identifier, address or code past its bound read
/// as null and the reason kept in <see cref="Overlong"/>, for which the row is rejected
/// (<see cref="RecordBatch"/>). CSV rows, JSON items and GeoJSON features share it.
/// </summary>
public sealed class BoundedFields(FieldBounds bounds)
{
    /// <summary>Values of this row that could not be used as written, and free text that was cut.</summary>
    public FieldWarnings Warnings { get; } = new();

    /// <summary>Why the row cannot be used: the first identifier, address or code read from it that was too long; null when none was.</summary>
    public string? Overlong { get; private set; }

    /// <summary>The value trimmed and held to the bound of <paramref name="kind"/>; null when blank, or when too long for an identifier, address or code.</summary>
    public string? Read(string field, string? value, FieldKind kind)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        switch (kind)
        {
            case FieldKind.Parsed:
                return text;
            case FieldKind.Text:
                if (text.Length <= bounds.MaxTextLength)
                {
                    return text;
                }

                Warnings.AddWhole(bounds.Cut(field, text.Length));
                return FieldBounds.Prefix(text, bounds.MaxTextLength);
            default:
                if (text.Length <= FieldBounds.MaxLength(kind))
                {
                    return text;
                }

                Overlong ??= FieldBounds.TooLong(field, text.Length, kind);
                return null;
        }
    }
}
