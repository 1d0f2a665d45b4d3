using System.Globalization;
using BIS.Benchmarks.Lookup;

namespace BIS.Benchmarks.Push;

/// <summary>
/// infra/bis bench push: the real BIS.Web as its own process, a fleet of real .NET SignalR tablets each with
/// its own device token, and CAD driving incidents over the HTTP API. Client, server and PostgreSQL share the
/// machine, so the figures are for the whole system. Goals (issue #11): p99 ≤ 100 ms, 0 lost, 0 applied
/// twice, reconnect storm caught up ≤ 15 s.
/// </summary>
public static class PushBenchmark
{
    public static async Task<int> RunAsync(int clients, int seconds, int stormIncidents, int incidentsPerSecond, int warmUpSeconds)
    {
        // A thousand connections each wait on a socket and run handlers; the default minimum (one thread per
        // core) would queue handlers for seconds while the pool grows, and that would be measured as push latency.
        ThreadPool.SetMinThreads(Math.Max(200, clients / 4), Math.Max(200, clients / 4));
        await using var database = await PushDatabase.CreateAsync();
        var fleet = await PushFleet.PairAsync(database.ConnectionString, clients, CancellationToken.None);
        Console.WriteLine($"{PushDatabase.Name}: mini city loaded, {fleet.Count} units (B0001…) each with a paired tablet.");

        await using var web = await WebProcess.StartAsync(database.ConnectionString, null, new Dictionary<string, string>
        {
            // CAD opens and closes 10 incidents a second: more than the default per-key limit.
            ["Cad__RequestsPerMinute"] = "100000",
        });
        Console.WriteLine($"BIS.Web is up at {web.Address} (pid {web.ProcessId}).");

        var settings = new PushSettings(seconds, IncidentsPerSecond: Math.Max(1, incidentsPerSecond), StormIncidents: stormIncidents, WarmUpFor: TimeSpan.FromSeconds(Math.Max(0, warmUpSeconds)), CloseAfter: TimeSpan.FromSeconds(Math.Min(10, Math.Max(2, seconds / 3))));
        var load = new PushLoad(web.Address, web.CadApiKey, database.ConnectionString, settings, () => ResidentBytes(web.ProcessId));
        var result = await load.RunAsync(fleet, CancellationToken.None);
        web.EnsureRunning();

        Console.WriteLine($"Phase 1: {result.Assigned.Count} assignments measured; {result.Live.Messages} outbox messages, "
                          + $"{result.Live.DuplicateDeliveries} duplicate deliveries ignored, {result.Live.Gaps} gaps resumed.");
        Console.WriteLine($"  of which: CAD POST round trip p50 {result.CadRoundTrip.Percentile(50):F0} ms / p99 {result.CadRoundTrip.Percentile(99):F0} ms; "
                          + $"outbox row created → applied p50 {result.FromCreated.Percentile(50):F0} ms / p99 {result.FromCreated.Percentile(99):F0} ms.");
        Console.WriteLine($"Phase 2: {result.Storm.Messages} messages while away; caught up: {result.Storm.CaughtUp}; "
                          + $"{result.Storm.DuplicateDeliveries} duplicate deliveries ignored.");
        if (result.CadFailures > 0)
        {
            Console.Error.WriteLine($"{result.CadFailures} CAD requests failed; first: {result.FirstCadFailure}");
        }

        Figures.Print("push_p50", result.Assigned.Percentile(50), "ms");
        Figures.Print("push_p99", result.Assigned.Percentile(99), "ms");
        Figures.Print("push_lost", result.Live.Lost, "messages");
        Figures.Print("push_applied_twice", result.Live.AppliedTwice, "messages");
        Figures.Print("reconnect_catch_up", result.Storm.CaughtUpAfter.TotalSeconds, "s");
        Figures.Print("reconnect_lost", result.Storm.Lost, "messages");
        Figures.Print("reconnect_applied_twice", result.Storm.AppliedTwice, "messages");
        Figures.Print("cpu_stolen_during_phase_1", result.StolenPercent, "%");
        if (result is { RssBeforeClients: { } before, RssWithClients: { } with, Connections: > 0 })
        {
            Figures.Print("server_memory_per_connection", (with - before) / 1024.0 / result.Connections, "KiB");
        }

        return result.CadFailures == 0 && result.Live.CaughtUp && result.Storm.CaughtUp ? 0 : 1;
    }

    /// <summary>VmRSS of a process, from /proc (Linux), in bytes; null elsewhere.</summary>
    public static long? ResidentBytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
