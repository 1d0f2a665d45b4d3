namespace BIS.Ingest.Sources.Common;

/// <summary>
/// A column a reader looks for by header name (case-insensitive, surrounding spaces ignored). Aliases
/// cover the names other pulls of the same dataset use ("ZIP_CODE" / "ZIPCODE"). Its <see cref="Kind"/>
/// says what it holds, and so how long its cells may be (<see cref="FieldBounds"/>).
/// </summary>
public sealed class CsvColumn
{
    private CsvColumn(string name, FieldKind kind, bool required, string[] aliases)
    {
        Name = name;
        Kind = kind;
        IsRequired = required;
        Names = [name, .. aliases];
    }

    public string Name { get; }
    public FieldKind Kind { get; }
    public bool IsRequired { get; }
    public IReadOnlyList<string> Names { get; }

    public static CsvColumn Required(string name, FieldKind kind, params string[] aliases) => new(name, kind, true, aliases);

    public static CsvColumn Optional(string name, FieldKind kind, params string[] aliases) => new(name, kind, false, aliases);

    public override string ToString() => Name;
}
