using System.Text;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Sources.Common;
using BIS.TestSupport;
using Sylvan.Data.Csv;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// A real violations export in UTF-8, with non-ASCII names in it, one of its lines damaged by a byte that is
/// not UTF-8: loaded through the real pipeline, only that row is touched.
/// </summary>
public sealed class DamagedUtf8RunTests : MiniCityRunTests
{
    private static readonly string[] Names = ["中文 ✓", "Nuñez", "Façade — unsafe", "Đặng Văn", "😀 Émile Zoë"];

    [Fact]
    public async Task Every_other_row_is_stored_as_written_and_the_damaged_row_carries_u_fffd_and_a_warning_naming_its_line()
    {
        var (header, rows) = RealViolations(count: 300);
        var description = Array.IndexOf(header, "description");
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i][description] = $"{rows[i][description]} – {Names[i % Names.Length]}";
        }

        const int Damaged = 150;
        rows[Damaged][description] = "Caf\u0001 sign";
        var text = new StringBuilder(string.Join(',', header)).Append('\n');
        var lineOf = new Dictionary<string, long>();
        foreach (var row in rows)
        {
            lineOf[RecordId(header, row)] = text.ToString().Count(c => c == '\n') + 1;
            text.Append(string.Join(',', row.Select(Quoted))).Append('\n');
        }

        // The Windows-1252 "é" of a row pasted into the UTF-8 export.
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        bytes[Array.IndexOf(bytes, (byte)0x01)] = 0xE9;
        File.WriteAllBytes(City.Violations, bytes);

        var run = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var damagedId = RecordId(header, rows[Damaged]);
        var stored = await StoredAsync();
        Assert.True(stored.Count >= rows.Count - run.RowsRejected && stored.Count > 250, $"{stored.Count} of {rows.Count} stored");
        foreach (var row in rows.Where(r => r != rows[Damaged] && stored.ContainsKey(RecordId(header, r))))
        {
            Assert.Equal(FieldParser.Text(row[description]), stored[RecordId(header, row)].Description);
            Assert.DoesNotContain("not valid UTF-8", stored[RecordId(header, row)].Warnings ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.Equal("Caf\uFFFD sign", stored[damagedId].Description);
        Assert.Contains($"line {lineOf[damagedId]}: bytes that are not valid UTF-8 were replaced by U+FFFD in description", stored[damagedId].Warnings, StringComparison.Ordinal);
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE strpos(attrs::text, U&'\\FFFD') > 0"));
        var chinese = rows.Where((_, i) => i % Names.Length == 0 && i != Damaged).Count(r => stored.ContainsKey(RecordId(header, r)));
        Assert.True(chinese > 50, $"{chinese} rows with 中文 ✓ stored");
        Assert.Equal(chinese, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations' AND attrs->>'description' LIKE '%– 中文 ✓'"));
    }

    private async Task<Dictionary<string, (string Description, string? Warnings)>> StoredAsync()
    {
        var stored = new Dictionary<string, (string, string?)>();
        await using var command = Database.DataSource.CreateCommand(
            "SELECT record_id, attrs->>'description', array_to_string(warnings, ' | ') FROM feed_record WHERE feed = 'violations'");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return stored;
    }

    /// <summary>The first <paramref name="count"/> rows of the real export with a case number and an id of their own.</summary>
    private static (string[] Header, List<string[]> Rows) RealViolations(int count)
    {
        using var csv = CsvDataReader.Create(Path.Combine(RepoPaths.RealData, "building_property_violations.csv"));
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new List<string[]>();
        var ids = new HashSet<string>();
        while (rows.Count < count && csv.Read())
        {
            var row = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (row[0].Length > 0 && !row.Any(f => f.Contains('\n', StringComparison.Ordinal)) && ids.Add(RecordId(header, row)))
            {
                rows.Add(row);
            }
        }

        return (header, rows);
    }

    private static string RecordId(string[] header, string[] row) =>
        $"{row[Array.IndexOf(header, "case_no")].Trim()}#{row[Array.IndexOf(header, "code")].Trim()}";

    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
