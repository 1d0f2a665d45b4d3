using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace BIS.Benchmarks.Lookup;

/// <summary>
/// Closed-loop clients, as CAD consoles would call: search an address, take the first candidate, open
/// its summary, at once again. The latency of each search + summary pair is recorded.
/// </summary>
public sealed class LookupLoad(HttpClient http, IReadOnlyList<AddressQuery> queries)
{
    public sealed class Result
    {
        public Latencies Pairs { get; } = new();
        public TimeSpan Elapsed { get; set; }
        public long NothingFound;
        public long Errors;
        public string? FirstError;
        public long[] Asked { get; } = new long[AddressQueries.Variations.Length];
        public long[] IntendedFirst { get; } = new long[AddressQueries.Variations.Length];
    }

    public async Task<Result> RunAsync(int clients, TimeSpan duration)
    {
        var result = new Result();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client * 7919 + 1);
            while (watch.Elapsed < duration)
            {
                await PairAsync(queries[random.Next(queries.Count)], result);
            }
        })));
        result.Elapsed = watch.Elapsed;
        return result;
    }

    /// <summary>Every spelling once, shared among the clients: the server has then seen the whole working set.</summary>
    public async Task<Result> RunEachOnceAsync(int clients)
    {
        var result = new Result();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < queries.Count; i = Interlocked.Increment(ref next))
            {
                await PairAsync(queries[i], result);
            }
        })));
        result.Elapsed = watch.Elapsed;
        return result;
    }

    private async Task PairAsync(AddressQuery query, Result result)
    {
        var variation = Array.IndexOf(AddressQueries.Variations, query.Variation);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var candidates = await http.GetFromJsonAsync<JsonElement>("/api/buildings/search?q=" + Uri.EscapeDataString(query.Text));
            Interlocked.Increment(ref result.Asked[variation]);
            if (candidates.GetArrayLength() == 0)
            {
                Interlocked.Increment(ref result.NothingFound);
                return;
            }

            var id = candidates[0].GetProperty("buildingId").GetInt64();
            using var summary = await http.GetAsync($"/api/buildings/{id}", HttpCompletionOption.ResponseContentRead);
            summary.EnsureSuccessStatusCode();
            result.Pairs.Add(Stopwatch.GetElapsedTime(start));
            if (id == query.BuildingId)
            {
                Interlocked.Increment(ref result.IntendedFirst[variation]);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            Interlocked.Increment(ref result.Errors);
            Interlocked.CompareExchange(ref result.FirstError, $"{query.Text}: {ex.Message}", null);
        }
    }
}
