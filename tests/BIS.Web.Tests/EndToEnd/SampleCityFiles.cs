using System.Text;
using BIS.Ingest.SampleCity;
using BIS.TestSupport;
using Sylvan.Data.Csv;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>The bundled sample city (East Boston), generated into a temporary folder, with one hostile owner planted in its source file.</summary>
internal static class SampleCityFiles
{
    public const string HostileOwner = "<img src=x onerror=alert(1)>";

    /// <summary>Generates the city and returns the path of its feeds.json manifest.</summary>
    public static string Generate(string directory, string hostileAddressNumber, string hostileStreet)
    {
        SampleCityGenerator.Generate(RepoPaths.RealData, directory, seed: 1);
        PlantOwner(Path.Combine(directory, "property_assessment.csv"), hostileAddressNumber, hostileStreet, HostileOwner);
        return Path.Combine(directory, FeedFileSet.ManifestFileName);
    }

    private static void PlantOwner(string path, string number, string street, string owner)
    {
        var text = new StringBuilder();
        var planted = false;
        using (var csv = CsvDataReader.Create(path))
        {
            int Column(string name) => csv.GetOrdinal(name);
            text.AppendJoin(',', Enumerable.Range(0, csv.FieldCount).Select(i => Quote(csv.GetName(i)))).Append('\n');
            while (csv.Read())
            {
                var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
                if (!planted && fields[Column("ST_NUM")] == number && fields[Column("ST_NAME")] == street)
                {
                    fields[Column("OWNER")] = owner;
                    planted = true;
                }

                text.AppendJoin(',', fields.Select(Quote)).Append('\n');
            }
        }

        if (!planted)
        {
            throw new InvalidOperationException($"No {number} {street} in {path}.");
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
