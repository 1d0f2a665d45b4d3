extern alias web;
using System.Collections.Concurrent;
using System.Diagnostics;
using BIS.Benchmarks.Lookup;
using UnitMessage = web::BIS.Web.Units.UnitMessage;

namespace BIS.Benchmarks.Push;

/// <param name="Seconds">How long CAD opens incidents in phase 1.</param>
/// <param name="CloseAfter">How long an incident stays open before CAD closes it and its units are free again.</param>
/// <param name="StormIncidents">Incidents assigned while every tablet is away (phase 2).</param>
/// <param name="WarmUpFor">The same load before phase 1, not measured (20 s): a freshly started server spends its first seconds compiling.</param>
public sealed record PushSettings(
    int Seconds, int IncidentsPerSecond = 10, int UnitsPerIncident = 3, TimeSpan? CloseAfter = null, int StormIncidents = 50,
    TimeSpan? SettleTimeout = null, TimeSpan? WarmUpFor = null)
{
    public TimeSpan WarmUp => WarmUpFor ?? TimeSpan.FromSeconds(20);

    public TimeSpan Close => CloseAfter ?? TimeSpan.FromSeconds(10);

    public TimeSpan Settle => SettleTimeout ?? TimeSpan.FromSeconds(60);
}

/// <summary>What one phase measured: lost = outbox rows no tablet applied by the end; applied twice = a message applied again under another number.</summary>
public sealed record PhaseResult(int Messages, int Lost, int AppliedTwice, int DuplicateDeliveries, int Gaps, TimeSpan CaughtUpAfter, bool CaughtUp);

public sealed record PushResult(
    Latencies Assigned, Latencies FromCreated, Latencies CadRoundTrip, PhaseResult Live, PhaseResult Storm, int Incidents, int CadFailures, string? FirstCadFailure,
    long? RssBeforeClients, long? RssWithClients, int Connections, double StolenPercent);

/// <summary>
/// The push benchmark's load, against any running BIS.Web: a fleet of tablets connects; CAD opens incidents
/// at a steady rate, each with free units, and closes them a little later (phase 1: POST sent → assignment
/// applied at the tablet); then every tablet drops at once, more incidents are assigned, and all reconnect
/// (phase 2: time until every tablet has applied its unit's last message). The figures are counted from the
/// outbox (unit.last_seq) against what each tablet applied, so a message the server never pushed is lost
/// only if no Resume brought it either.
/// </summary>
public sealed class PushLoad(Uri server, string cadApiKey, string connectionString, PushSettings settings, Func<long?>? serverRss = null)
{
    private readonly Latencies _assigned = new();
    private readonly Latencies _fromCommit = new();
    private volatile bool _measuring = true;
    private readonly ConcurrentDictionary<int, Latencies> _byWindow = new();
    private long _phaseStart;

    /// <summary>Seconds per window of the per-window breakdown: shows whether the tail is spread or bunched (a warm-up, a pause).</summary>
    private const int WindowSeconds = 10;

    public async Task<PushResult> RunAsync(IReadOnlyList<FleetDevice> fleet, CancellationToken cancellationToken)
    {
        var buildings = await PushFleet.BuildingsAsync(connectionString, cancellationToken);
        using var cad = new CadDriver(server, cadApiKey);
        var tablets = fleet.Select(d => new BenchTablet(server, d.UnitId, d.Token, (_, m, at) => Applied(cad, m, at))).ToList();
        try
        {
            var rssBefore = serverRss?.Invoke();
            var watch = Stopwatch.StartNew();
            await ForEachAsync(tablets, 100, t => t.ConnectAsync(cancellationToken));
            Console.WriteLine($"{tablets.Count} tablets connected in {watch.Elapsed.TotalSeconds:F1}s");
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var rssWith = serverRss?.Invoke();

            var free = new ConcurrentQueue<string>(fleet.Select(d => d.UnitId));
            var incidents = 0;
            var baseline = await PushFleet.LastSeqAsync(connectionString, cancellationToken);
            var workBefore = await PushFleet.DatabaseWorkAsync(connectionString, cancellationToken);
            // Warm-up: the same load, not measured, so the figures are the running server's and not its first
            // seconds of compiling code (the JIT takes most of a core for the first ~20 s after start).
            _measuring = cad.Measuring = false;
            var warmUp = await DriveAsync(cad, buildings, free, settings.WarmUp, cancellationToken);
            Console.WriteLine($"Warm-up: {warmUp} incidents in {settings.WarmUp.TotalSeconds:F0}s, not measured.");
            _measuring = cad.Measuring = true;
            _phaseStart = Stopwatch.GetTimestamp();
            var stealBefore = CpuSteal.Read();
            incidents = await DriveAsync(cad, buildings, free, TimeSpan.FromSeconds(settings.Seconds), cancellationToken, warmUp);
            var steal = CpuSteal.Read().PercentSince(stealBefore);
            Console.WriteLine($"Phase 1: {incidents} incidents posted and closed; {steal:F1} % of the machine's CPU time was stolen by the hypervisor meanwhile.");
            var live = await SettleAsync(tablets, baseline, cancellationToken);
            Console.WriteLine($"Phase 1 settled: {live}");
            Console.WriteLine("Phase 1 POST → applied by when the POST was sent: " + string.Join("; ", _byWindow.OrderBy(w => w.Key).Select(w =>
                $"{w.Key * WindowSeconds}-{(w.Key + 1) * WindowSeconds} s p50 {w.Value.Percentile(50):F0} / p99 {w.Value.Percentile(99):F0} ms ({w.Value.Count})")));
            var work = await PushFleet.DatabaseWorkAsync(connectionString, cancellationToken);
            Console.WriteLine($"Phase 1 database work per outbox message (open + close, tablets' acknowledgements, the server's reads and marks): "
                              + $"{(work.Commits - workBefore.Commits) / (double)Math.Max(1, live.Messages):F1} transactions, "
                              + $"{(work.Inserted - workBefore.Inserted) / (double)Math.Max(1, live.Messages):F1} rows inserted, "
                              + $"{(work.Updated - workBefore.Updated) / (double)Math.Max(1, live.Messages):F1} rows updated");
            // The storm's assignments are measured by catch-up time, not as push latency.
            _measuring = cad.Measuring = false;

            // Phase 2: the whole fleet away at once while dispatch carries on, then back at once.
            await Task.WhenAll(tablets.Select(t => t.DisconnectAsync()));
            var before = await PushFleet.LastSeqAsync(connectionString, cancellationToken);
            var storm = new List<Task<long?>>();
            for (var i = 0; i < settings.StormIncidents && Take(free, settings.UnitsPerIncident) is { } units; i++)
            {
                storm.Add(cad.OpenAsync(buildings[i % buildings.Count], units, cancellationToken));
            }

            await Task.WhenAll(storm);
            incidents += warmUp + storm.Count;
            Console.WriteLine($"Phase 2: {storm.Count} incidents assigned with every tablet away; reconnecting all {tablets.Count}.");
            var reconnect = Stopwatch.StartNew();
            var reconnecting = Task.WhenAll(tablets.Select(t => t.ConnectAsync(cancellationToken)));
            var stormResult = await SettleAsync(tablets, before, cancellationToken, reconnect);
            await reconnecting;
            // The tablets' counters run across both phases; the storm's own are what it added.
            stormResult = stormResult with
            {
                AppliedTwice = stormResult.AppliedTwice - live.AppliedTwice,
                DuplicateDeliveries = stormResult.DuplicateDeliveries - live.DuplicateDeliveries,
                Gaps = stormResult.Gaps - live.Gaps,
            };
            Console.WriteLine($"Phase 2 settled: {stormResult}");

            return new PushResult(_assigned, _fromCommit, cad.RoundTrips, live, stormResult, incidents, cad.Failures, cad.FirstFailure, rssBefore, rssWith, tablets.Count, steal);
        }
        finally
        {
            await Task.WhenAll(tablets.Select(t => t.DisposeAsync().AsTask()));
        }
    }

    /// <summary>An assignment applied at a tablet: POST sent → applied, once per unit and incident.</summary>
    private void Applied(CadDriver cad, UnitMessage message, long at)
    {
        if (_measuring && message.Kind == "assigned" && BenchTablet.TagOf(message) is { } tag && cad.SentAt(tag) is { } sent)
        {
            var latency = Stopwatch.GetElapsedTime(sent, at);
            _assigned.Add(latency);
            _byWindow.GetOrAdd((int)(Stopwatch.GetElapsedTime(_phaseStart, sent).TotalSeconds / WindowSeconds), _ => new Latencies()).Add(latency);
            // Where the time went: the server's transaction start (created_at) → applied, on the same clock.
            _fromCommit.Add(DateTimeOffset.UtcNow - message.CreatedAt);
        }
    }

    /// <summary>CAD opens incidents at the set rate for the time given, each with free units, and closes each a little later; returns how many.</summary>
    private async Task<int> DriveAsync(
        CadDriver cad, IReadOnlyList<long> buildings, ConcurrentQueue<string> free, TimeSpan duration, CancellationToken cancellationToken, int firstBuilding = 0)
    {
        var open = new List<Task>();
        var n = firstBuilding;
        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / settings.IncidentsPerSecond)))
        {
            var phase = Stopwatch.StartNew();
            while (phase.Elapsed < duration && await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (Take(free, settings.UnitsPerIncident) is { } units)
                {
                    open.Add(OpenThenCloseAsync(cad, buildings[n++ % buildings.Count], units, free, cancellationToken));
                }
            }
        }

        await Task.WhenAll(open);
        return open.Count;
    }

    private async Task OpenThenCloseAsync(CadDriver cad, long building, List<string> units, ConcurrentQueue<string> free, CancellationToken cancellationToken)
    {
        var id = await cad.OpenAsync(building, units, cancellationToken);
        if (id is { } incident)
        {
            await Task.Delay(settings.Close, cancellationToken);
            await cad.CloseAsync(incident, cancellationToken);
        }

        units.ForEach(free.Enqueue);
    }

    private static List<string>? Take(ConcurrentQueue<string> free, int count)
    {
        var units = new List<string>(count);
        while (units.Count < count && free.TryDequeue(out var unit))
        {
            units.Add(unit);
        }

        if (units.Count == count)
        {
            return units;
        }

        units.ForEach(free.Enqueue);
        return null;
    }

    /// <summary>Waits until every tablet applied its unit's last message (or the settle timeout), then counts.</summary>
    private async Task<PhaseResult> SettleAsync(IReadOnlyList<BenchTablet> tablets, Dictionary<string, long> before, CancellationToken cancellationToken, Stopwatch? since = null)
    {
        var target = await PushFleet.LastSeqAsync(connectionString, cancellationToken);
        var watch = since ?? Stopwatch.StartNew();
        var settleStart = Stopwatch.StartNew();
        bool caughtUp;
        while (!(caughtUp = tablets.All(t => t.LastApplied >= target[t.UnitId])) && settleStart.Elapsed < settings.Settle)
        {
            await Task.Delay(20, cancellationToken);
        }

        var elapsed = watch.Elapsed;
        var messages = tablets.Sum(t => (int)(target[t.UnitId] - before.GetValueOrDefault(t.UnitId)));
        var lost = tablets.Sum(t => (int)Math.Max(0, target[t.UnitId] - t.LastApplied));
        var twice = tablets.Sum(t => t.AppliedTwice);
        var duplicates = tablets.Sum(t => t.DuplicateDeliveries);
        var gaps = tablets.Sum(t => t.Gaps);
        if (!caughtUp && tablets.FirstOrDefault(t => t.LastError is not null) is { } failing)
        {
            Console.Error.WriteLine($"  {failing.UnitId}: {failing.LastError}");
        }

        return new PhaseResult(messages, lost, twice, duplicates, gaps, elapsed, caughtUp);
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, Task> action)
    {
        using var slots = new SemaphoreSlim(parallel);
        await Task.WhenAll(items.Select(async item =>
        {
            await slots.WaitAsync();
            try
            {
                await action(item);
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}
