using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace BIS.Ingest.Tests.SampleCity;

/// <summary>Reading helpers for the generators' output, independent of the generator's own code.</summary>
internal static class GeneratedFiles
{
    public static string Root { get; } = FindRoot();

    public static string RealData => Path.Combine(Root, "infra", "sample-city", "real");

    public static string ErgTable => Path.Combine(Root, "BIS.Ingest", "Reference", "erg_un_to_guide.csv");

    public static string NewTempDirectory(string name) => Directory.CreateTempSubdirectory($"bis-{name}-").FullName;

    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Every row as a header → value map (headers as written, compared case-insensitively).</summary>
    public static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ReadCsv(string path)
    {
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < reader.RowFieldCount ? reader.GetString(i) : string.Empty;
            }

            rows.Add(row);
        }

        return (header, rows);
    }

    public static List<JsonElement> ReadPlanItems(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("next").ValueKind);
        return document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The parcel ids of a Boston parcel layer (PID_LONG), in file order.</summary>
    public static List<string> ParcelIds(string geoJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(geoJsonPath));
        return document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties"))
            .Where(p => p.TryGetProperty("PID_LONG", out var pid) && pid.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("PID_LONG").GetString()!)
            .ToList();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BIS.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"BIS.sln not found above {AppContext.BaseDirectory}.");
    }
}
