using System.Globalization;
using Npgsql;

namespace BIS.Benchmarks.Lookup;

/// <summary>One search as a dispatcher or CAD would send it, and the building it means.</summary>
public sealed record AddressQuery(string Text, string Variation, long BuildingId);

/// <summary>
/// Searches made from real rows of the loaded city, each spelled the way people type: lower case, no
/// street type, a typo in the street name, a house-number range, or the street type spelled out with
/// the ZIP. The intended building is kept, so the benchmark also says how often it comes first.
/// </summary>
public static class AddressQueries
{
    public static readonly string[] Variations = ["lower-case", "no-street-type", "typo", "range", "spelled-out"];

    private static readonly Dictionary<string, string> SpelledOut = new(StringComparer.Ordinal)
    {
        ["ST"] = "Street", ["AVE"] = "Avenue", ["RD"] = "Road", ["PL"] = "Place", ["TER"] = "Terrace", ["WAY"] = "Way",
        ["CT"] = "Court", ["DR"] = "Drive", ["LN"] = "Lane", ["PARK"] = "Park", ["BLVD"] = "Boulevard", ["SQ"] = "Square",
        ["CIR"] = "Circle", ["ROW"] = "Row", ["PKWY"] = "Parkway",
    };

    public static async Task<IReadOnlyList<AddressQuery>> SampleAsync(string connectionString, int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<(long Id, int Number, string Street, string? Zip)>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // The same seed picks the same buildings from the same city, so runs compare.
            await using (var setSeed = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT setseed({seed % 1000 / 1000.0})"), connection))
            {
                await setSeed.ExecuteNonQueryAsync();
            }

            await using var command = new NpgsqlCommand(
                """
                SELECT building_id, number_low, street, zip FROM building
                WHERE street IS NOT NULL AND number_low IS NOT NULL
                ORDER BY random() LIMIT @count
                """, connection);
            command.Parameters.AddWithValue("count", count);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        if (rows.Count == 0)
        {
            throw new InvalidOperationException("The benchmark city has no addressed buildings.");
        }

        return rows.Select((row, i) => Make(row.Id, row.Number, row.Street, row.Zip, Variations[i % Variations.Length], random)).ToList();
    }

    private static AddressQuery Make(long id, int number, string street, string? zip, string variation, Random random)
    {
        var words = street.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var type = words.Length > 1 ? words[^1] : null;
        var name = Title(type is null ? street : string.Join(' ', words[..^1]));
        var text = variation switch
        {
            "lower-case" => $"{number} {street}".ToLowerInvariant(),
            "no-street-type" => $"{number} {name}",
            "typo" => $"{number} {Typo(name, random)} {Title(type ?? string.Empty)}".TrimEnd(),
            // A range on the same side of the street starting at the building, as a caller reads a
            // number range off a facade: "10-14 Main St" names number 10 first.
            "range" => $"{number}-{number + 4} {name} {Title(type ?? string.Empty)}".TrimEnd(),
            _ => $"{number} {name} {(type is not null && SpelledOut.TryGetValue(type, out var full) ? full : Title(type ?? string.Empty))} {zip}".TrimEnd(),
        };
        return new AddressQuery(text, variation, id);
    }

    /// <summary>One slip of the keyboard inside the name: a letter dropped, doubled, swapped with the next, or replaced.</summary>
    private static string Typo(string name, Random random)
    {
        var letters = Enumerable.Range(0, name.Length).Where(i => char.IsLetter(name[i])).ToList();
        if (letters.Count < 4)
        {
            return name;
        }

        // Not the first letter: people rarely get that wrong, and trigram search leans on it.
        var at = letters[random.Next(1, letters.Count - 1)];
        return random.Next(4) switch
        {
            0 => name.Remove(at, 1),
            1 => name.Insert(at, name[at].ToString()),
            2 when char.IsLetter(name[at + 1]) => string.Concat(name.AsSpan(0, at), name[at + 1].ToString(), name[at].ToString(), name.AsSpan(at + 2)),
            _ => string.Concat(name.AsSpan(0, at), ((char)('a' + random.Next(26))).ToString(), name.AsSpan(at + 1)),
        };
    }

    private static string Title(string words) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(words.ToLowerInvariant());
}
