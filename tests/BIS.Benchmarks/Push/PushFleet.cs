extern alias web;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Npgsql;
using DeviceRegistry = web::BIS.Web.Units.DeviceRegistry;
using PushOptions = web::BIS.Web.Units.PushOptions;

namespace BIS.Benchmarks.Push;

/// <summary>A paired tablet of the benchmark: its unit and its device token.</summary>
public sealed record FleetDevice(string UnitId, string Token);

/// <summary>
/// The benchmark's units (B0001, B0002, …) and one tablet per unit, paired the way an admin pairs one: a
/// one-time code issued by <see cref="DeviceRegistry"/> and exchanged for a device token.
/// </summary>
public static class PushFleet
{
    private static readonly ClaimsPrincipal BenchAdmin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench")], "bench"));

    public static string UnitIdOf(int number) => "B" + number.ToString("D4", CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<FleetDevice>> PairAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO unit (unit_id, name, kind, station)
            SELECT 'B' || lpad(n::text, 4, '0'), 'Bench ' || n, 'engine', 'Bench' FROM generate_series(1, @count) n
            ON CONFLICT (unit_id) DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue("count", count);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var registry = new DeviceRegistry(dataSource, Options.Create(new PushOptions()));
        var devices = new List<FleetDevice>(count);
        for (var number = 1; number <= count; number++)
        {
            var unit = UnitIdOf(number);
            var code = await registry.IssueCodeAsync(unit, BenchAdmin, cancellationToken);
            var paired = await registry.PairAsync(code.Code, $"{unit} bench tablet", cancellationToken)
                ?? throw new InvalidOperationException($"Pairing {unit} failed with a code just issued.");
            devices.Add(new FleetDevice(paired.UnitId, paired.Token));
        }

        return devices;
    }

    /// <summary>Buildings the incidents are opened at (any will do: the message carries its summary).</summary>
    public static async Task<IReadOnlyList<long>> BuildingsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT building_id FROM building ORDER BY building_id LIMIT 100");
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids.Count > 0 ? ids : throw new InvalidOperationException("The benchmark database has no buildings.");
    }

    /// <summary>Transactions committed and rows written in this database so far (pg_stat_database), to count the work per message.</summary>
    public static async Task<(long Commits, long Inserted, long Updated)> DatabaseWorkAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // The statistics of this transaction's snapshot would be stale: ask for fresh ones.
        await using var command = new NpgsqlCommand(
            "SELECT pg_stat_clear_snapshot(); SELECT xact_commit, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Each bench unit's last sequence number: what a caught-up tablet has applied.</summary>
    public static async Task<Dictionary<string, long>> LastSeqAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT unit_id, last_seq FROM unit WHERE unit_id ~ '^B[0-9]{4}$'", connection);
        var last = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last[reader.GetString(0)] = reader.GetInt64(1);
        }

        return last;
    }
}
