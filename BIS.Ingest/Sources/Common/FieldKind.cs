namespace BIS.Ingest.Sources.Common;

/// <summary>
/// What a source field holds, which decides how long it may be (<see cref="FieldBounds"/>). Every field a
/// reader reads is one of these: CSV columns say so where they are declared, JSON and GeoJSON reads at the call.
/// </summary>
public enum FieldKind
{
    /// <summary>A record, parcel, address or permit id: keys and links records. Longer than any real one: the row is rejected.</summary>
    Identifier,

    /// <summary>A part of the street address a record is located by. Longer than any real one: the row is rejected.</summary>
    Address,

    /// <summary>A status, code, class or unit kept as the source wrote it, or read from a short vocabulary without a warning. Longer than any real one: the row is rejected.</summary>
    Code,

    /// <summary>Prose: descriptions, notes, comments, names, locations inside a building. Longer than the configured bound: cut, with a warning.</summary>
    Text,

    /// <summary>
    /// A number, date, coordinate, yes/no or one of a few known words, read by a parser that keeps the record
    /// and warns when it cannot read it (<see cref="FieldWarnings"/>): its text is never kept beyond the
    /// warning's short quote, so it has no bound of its own.
    /// </summary>
    Parsed,
}
