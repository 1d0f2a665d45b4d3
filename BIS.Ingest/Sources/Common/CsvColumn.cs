namespace BIS.Ingest.Sources.Common;

/// <summary>
/// A column a reader looks for by header name (case-insensitive, surrounding spaces ignored). Aliases
/// cover the names other pulls of the same dataset use ("ZIP_CODE" / "ZIPCODE").
/// </summary>
public sealed class CsvColumn
{
    private CsvColumn(string name, bool required, string[] aliases)
    {
        Name = name;
        IsRequired = required;
        Names = [name, .. aliases];
    }

    public string Name { get; }
    public bool IsRequired { get; }
    public IReadOnlyList<string> Names { get; }

    public static CsvColumn Required(string name, params string[] aliases) => new(name, true, aliases);

    public static CsvColumn Optional(string name, params string[] aliases) => new(name, false, aliases);

    public override string ToString() => Name;
}
