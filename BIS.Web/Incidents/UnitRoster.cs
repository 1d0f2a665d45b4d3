using Microsoft.Extensions.Options;
using Npgsql;
using Sylvan.Data.Csv;

namespace BIS.Web.Incidents;

public sealed class UnitsOptions
{
    public const string Section = "Units";

    /// <summary>CSV of the department's units (unit_id,name,kind,station,capabilities with ';' between codes), loaded at start.</summary>
    public string? RosterFile { get; set; }
}

/// <summary>
/// Loads the unit roster from <see cref="UnitsOptions.RosterFile"/> at start-up: new units are added and
/// known ones updated; units missing from the file are kept (they may be on an open incident). A
/// roster that cannot be read stops the start with the line at fault rather than running half-staffed.
/// </summary>
public sealed class UnitRoster(IOptions<UnitsOptions> options, NpgsqlDataSource dataSource, ILogger<UnitRoster> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RosterFile is not { Length: > 0 } file)
        {
            return;
        }

        var units = Read(file);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO unit (unit_id, name, kind, station, capabilities)
            SELECT id, name, kind, station, coalesce(string_to_array(nullif(caps, ''), ';'), '{}')
            FROM unnest(@ids::text[], @names::text[], @kinds::text[], @stations::text[], @caps::text[]) AS u(id, name, kind, station, caps)
            ON CONFLICT (unit_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, station = excluded.station,
                capabilities = excluded.capabilities
            """);
        command.Parameters.AddWithValue("ids", units.Select(u => u.Id).ToArray());
        command.Parameters.AddWithValue("names", units.Select(u => u.Name).ToArray());
        command.Parameters.AddWithValue("kinds", units.Select(u => u.Kind).ToArray());
        command.Parameters.AddWithValue("stations", units.Select(u => u.Station).ToArray());
        command.Parameters.AddWithValue("caps", units.Select(u => u.Capabilities).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Loaded {Count} units from {File}", units.Count, file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<(string Id, string Name, string Kind, string Station, string Capabilities)> Read(string file)
    {
        using var csv = CsvDataReader.Create(file, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        string[] required = ["unit_id", "name", "kind", "station", "capabilities"];
        if (required.FirstOrDefault(c => csv.GetOrdinal(c) < 0) is { } missing)
        {
            throw new InvalidDataException($"Unit roster {file} has no '{missing}' column.");
        }

        var units = new List<(string, string, string, string, string)>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            var id = csv.GetString(csv.GetOrdinal("unit_id")).Trim().ToUpperInvariant();
            if (id.Length is 0 or > 16 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new InvalidDataException($"Unit roster {file} line {line}: unit id '{id}' must be 1-16 letters, digits or '-'.");
            }

            units.Add((id, csv.GetString(csv.GetOrdinal("name")).Trim(), csv.GetString(csv.GetOrdinal("kind")).Trim().ToLowerInvariant(),
                csv.GetString(csv.GetOrdinal("station")).Trim(), csv.GetString(csv.GetOrdinal("capabilities")).Trim()));
        }

        return units;
    }
}
