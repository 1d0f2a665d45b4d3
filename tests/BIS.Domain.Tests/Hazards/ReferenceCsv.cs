using System.Text;

namespace BIS.Domain.Tests.Hazards;

/// <summary>
/// Reads the ERG reference tables from the repository for the tests. A minimal quote-aware parser is
/// enough for these two well-formed files; production code reads them with a real CSV reader in Ingest.
/// </summary>
internal static class ReferenceCsv
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BIS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BIS.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Rows as header-name → value maps.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(params string[] relativePath)
    {
        var text = File.ReadAllText(Path.Combine([RepoRoot(), .. relativePath]), Encoding.UTF8);
        var records = Parse(text);
        var header = records[0];
        return records.Skip(1)
            .Where(r => r.Count > 1 || r[0].Length > 0)
            .Select(r => (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: i < r.Count ? r[i] : string.Empty))
                .ToDictionary(x => x.name.Trim(), x => x.value, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(record);
                record = [];
            }
            else if (c != '\uFEFF')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString().TrimEnd('\r'));
            records.Add(record);
        }

        return records;
    }
}
