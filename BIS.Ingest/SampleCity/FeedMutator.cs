using System.Globalization;
using System.Text.Json;

namespace BIS.Ingest.SampleCity;

/// <summary>What a mutation did to one feed's file.</summary>
/// <param name="Set">The file set after the mutation (row counts updated, manifest saved).</param>
public sealed record FeedMutation(FeedFileSet Set, string FeedSlug, string Path, long RowsBefore, long RowsAfter, int Changed, int Removed, int Added);

/// <summary>
/// Rewrites one feed's file as the next export would look: a share of rows changed (status flips,
/// new dates, new values), some removed, some new ones appended. Rows without an id and all other
/// rows are copied unchanged. Real files are never touched: their mutated copy goes into the set's directory.
/// </summary>
internal static class FeedMutator
{
    private const string MutatedMark = " (mutated copy)";

    private static readonly string[] IdColumns = ["permitnumber", "boa_apno", "case_no", "PERMIT_NUMBER", "incident_number", "HYDRANT_ID", "PID", "full_address"];

    /// <summary>Status values and what they turn into on the next export.</summary>
    private static readonly Dictionary<string, string[]> StatusFlips = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Open"] = ["Closed"],
        ["Issued"] = ["Closed", "Expired"],
        ["Closed"] = ["Open"],
        ["Expired"] = ["Open"],
        ["Active"] = ["Expired", "Revoked"],
        ["Revoked"] = ["Active"],
        ["IN SERVICE"] = ["OUT OF SERVICE"],
        ["OUT OF SERVICE"] = ["IN SERVICE"],
        ["Void"] = ["Closed"],
    };

    public static FeedMutation Mutate(FeedFileSet set, string feedSlug, double share, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1.0);
        var feed = set[feedSlug];
        var file = feed.Files.LastOrDefault(f => f.Role is not ("parcels" or "footprints"))
            ?? throw new InvalidOperationException($"Feed '{feedSlug}' has no tabular file to mutate.");
        var random = RandomChoices.ForFeed(seed, "mutate:" + feedSlug);
        var target = file.Generated ? file.Path : Path.Combine(set.Directory, Path.GetFileName(file.Path));
        var temporary = target + ".tmp";
        var allowAddRemove = !string.Equals(feedSlug, "assessing", StringComparison.OrdinalIgnoreCase);
        var counts = file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? MutateJson(file.Path, temporary, share, random, set.AsOf, allowAddRemove)
            : MutateCsv(file.Path, temporary, share, random, set.AsOf, allowAddRemove);
        File.Move(temporary, target, overwrite: true);

        var updated = feed with
        {
            SourceName = file.Generated || feed.SourceName.EndsWith(MutatedMark, StringComparison.Ordinal) ? feed.SourceName : feed.SourceName + MutatedMark,
            Files = feed.Files.Select(f => f == file ? new GeneratedFile(f.Role, target, counts.After, Generated: true) : f).ToList(),
        };
        var newSet = set.With(updated);
        newSet.SaveManifest();
        return new FeedMutation(newSet, feed.Slug, target, file.Rows, counts.After, counts.Changed, counts.Removed, counts.Added);
    }

    private readonly record struct Counts(long After, int Changed, int Removed, int Added);

    private enum Fate
    {
        Keep,
        Change,
        Remove,
        Add,
    }

    private static Fate Decide(Random random, double share, bool allowAddRemove)
    {
        if (!random.Chance(share))
        {
            return Fate.Keep;
        }

        if (!allowAddRemove)
        {
            return Fate.Change;
        }

        var roll = random.NextDouble();
        return roll < 0.7 ? Fate.Change : roll < 0.85 ? Fate.Remove : Fate.Add;
    }

    private static Counts MutateCsv(string source, string destination, double share, Random random, DateOnly asOf, bool allowAddRemove)
    {
        using var reader = CsvFiles.Open(source);
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var idColumn = IdColumns.Select(c => CsvFiles.Column(reader, c)).FirstOrDefault(i => i >= 0, -1);
        var column = (string name) => CsvFiles.Column(reader, name);
        var statusColumn = new[] { "status", "PERMIT_STATUS", "STATUS" }.Select(column).FirstOrDefault(i => i >= 0, -1);
        var dateColumns = new[] { "status_dttm", "expiration_date", "EXPIRATION_DATE", "LAST_FLOW_TEST", "alarm_date" }.Select(column).Where(i => i >= 0).ToArray();
        var valueColumns = new[] { "OWNER", "YR_REMODEL", "estimated_property_loss", "FLOW_GPM", "QUANTITY", "comments" }.Select(column).Where(i => i >= 0).ToArray();

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<string?[]>();
        int changed = 0, removed = 0;
        using var writer = new FeedCsvWriter(destination, header);
        while (reader.Read())
        {
            var row = new string?[header.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = CsvFiles.Field(reader, i);
            }

            var id = idColumn >= 0 ? row[idColumn] : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                writer.WriteRaw(row);
                continue;
            }

            seenIds.Add(id);
            switch (Decide(random, share, allowAddRemove))
            {
                case Fate.Remove:
                    removed++;
                    continue;
                case Fate.Change:
                    ChangeRow(row, random, asOf, statusColumn, dateColumns, valueColumns);
                    changed++;
                    break;
                case Fate.Add:
                    var copy = (string?[])row.Clone();
                    ChangeRow(copy, random, asOf, statusColumn, dateColumns, valueColumns);
                    added.Add(copy);
                    break;
            }

            writer.WriteRaw(row);
        }

        // New records arrive at the end of the export, each under an id not used before.
        // (The geocoded fire extract has no id column: its record id hashes the row, so a changed copy is already new.)
        var counter = 0;
        var renameIds = idColumn >= 0 && !string.Equals(header[idColumn], "full_address", StringComparison.OrdinalIgnoreCase);
        foreach (var row in added)
        {
            if (renameIds)
            {
                row[idColumn] = NewId(row[idColumn]!, seenIds, ref counter);
            }

            writer.WriteRaw(row);
        }

        writer.Dispose();
        return new Counts(writer.Rows, changed, removed, added.Count);
    }

    private static void ChangeRow(string?[] row, Random random, DateOnly asOf, int statusColumn, int[] dateColumns, int[] valueColumns)
    {
        var changedSomething = false;
        if (statusColumn >= 0 && StatusFlips.TryGetValue(row[statusColumn]?.Trim() ?? string.Empty, out var next))
        {
            row[statusColumn] = random.Pick(next);
            changedSomething = true;
        }

        foreach (var column in dateColumns)
        {
            if (!string.IsNullOrWhiteSpace(row[column]))
            {
                row[column] = ShiftDate(row[column]!, random.DateBetween(asOf.AddDays(-30), asOf), random);
                changedSomething = true;
            }
        }

        if (!changedSomething || random.Chance(0.3))
        {
            if (valueColumns.Length > 0)
            {
                var column = random.Pick(valueColumns);
                row[column] = ChangeValue(row[column], random);
            }
        }
    }

    /// <summary>The new date in the same form the old one was written.</summary>
    private static string ShiftDate(string old, DateOnly date, Random random) =>
        old.Length > 10 && old[4] == '-' ? Formats.Timestamp(date, random)
        : old.Contains('/', StringComparison.Ordinal) ? Formats.UsDate(date)
        : Formats.Iso(date);

    private static string ChangeValue(string? old, Random random)
    {
        if (decimal.TryParse(old, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return Formats.Number((double)number * random.Between(0.6, 1.6) + 1, 0);
        }

        return string.IsNullOrWhiteSpace(old) || old.Any(char.IsLower)
            ? "Updated: " + random.Pick(["work resumed", "re-inspected", "owner notified", "corrected"])
            : Names.Person(random);
    }

    private static string NewId(string template, HashSet<string> used, ref int counter)
    {
        var digits = 0;
        while (digits < template.Length && char.IsAsciiDigit(template[template.Length - 1 - digits]))
        {
            digits++;
        }

        var prefix = template[..^digits];
        var width = Math.Max(digits, 7);
        string candidate;
        do
        {
            counter++;
            candidate = prefix + (9_000_000 + counter).ToString(new string('0', width), CultureInfo.InvariantCulture);
        }
        while (!used.Add(candidate));

        return candidate;
    }

    private static Counts MutateJson(string source, string destination, double share, Random random, DateOnly asOf, bool allowAddRemove)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(source));
        var items = document.RootElement.GetProperty("items");
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("planId", out var id) && id.ValueKind == JsonValueKind.String)
            {
                seenIds.Add(id.GetString()!);
            }
        }

        var added = new List<(JsonElement Item, Dictionary<string, object?> Changes)>();
        int changed = 0, removed = 0, counter = 0;
        long after = 0;
        using (var stream = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var item in items.EnumerateArray())
            {
                var hasId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("planId", out var id) && id.ValueKind == JsonValueKind.String;
                var fate = hasId ? Decide(random, share, allowAddRemove) : Fate.Keep;
                switch (fate)
                {
                    case Fate.Remove:
                        removed++;
                        continue;
                    case Fate.Change:
                        WriteChanged(json, item, PlanChanges(random, asOf));
                        changed++;
                        break;
                    case Fate.Add:
                        var changes = PlanChanges(random, asOf);
                        changes["planId"] = NewId(item.GetProperty("planId").GetString()!, seenIds, ref counter);
                        added.Add((item, changes));
                        item.WriteTo(json);
                        break;
                    default:
                        item.WriteTo(json);
                        break;
                }

                after++;
                if (json.BytesPending > 1 << 16)
                {
                    json.Flush();
                }
            }

            foreach (var (item, changes) in added)
            {
                WriteChanged(json, item, changes);
                after++;
            }

            json.WriteEndArray();
            json.WriteNull("next");
            json.WriteEndObject();
        }

        File.AppendAllText(destination, "\n");
        return new Counts(after, changed, removed, added.Count);
    }

    private static Dictionary<string, object?> PlanChanges(Random random, DateOnly asOf)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["inspectedOn"] = Formats.Iso(random.DateBetween(asOf.AddDays(-30), asOf)),
        };
        switch (random.Next(4))
        {
            case 0:
                changes["sprinkler"] = random.Pick(["full", "partial", "none"]);
                break;
            case 1:
                changes["vacantMarking"] = random.Pick(["", "/", "X"]);
                break;
            case 2:
                changes["knoxBoxLocation"] = random.Pick(["Front door left side", "Moved to rear door, right side", "Right of main entrance, 5 ft high"]);
                break;
            default:
                changes["solarPv"] = random.Chance(0.5);
                break;
        }

        return changes;
    }

    private static void WriteChanged(Utf8JsonWriter json, JsonElement item, Dictionary<string, object?> changes)
    {
        json.WriteStartObject();
        foreach (var property in item.EnumerateObject())
        {
            if (!changes.TryGetValue(property.Name, out var value))
            {
                property.WriteTo(json);
                continue;
            }

            switch (value)
            {
                case bool flag:
                    json.WriteBoolean(property.Name, flag);
                    break;
                case string text:
                    json.WriteString(property.Name, text);
                    break;
                default:
                    json.WriteNull(property.Name);
                    break;
            }
        }

        json.WriteEndObject();
    }
}
