using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BIS.Benchmarks.Lookup;

namespace BIS.Benchmarks.Push;

/// <summary>
/// The city's CAD system as BIS sees it: <c>POST /api/incidents</c> and <c>…/close</c> with its API key and
/// an Idempotency-Key, over one pooled HTTP client. Each incident's notes carry a tag ("bench 17") so the
/// tablets can tell which POST a message came from, and the moment each POST was sent is kept by tag.
/// </summary>
public sealed class CadDriver : IDisposable
{
    public const string TagPrefix = "bench ";

    private readonly HttpClient _http;
    private readonly Dictionary<int, long> _sentAt = [];
    private int _nextTag;
    private int _failures;
    private string? _firstFailure;

    public CadDriver(Uri server, string apiKey)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public int Failures => _failures;

    /// <summary>POST sent → answer read, for incidents opened while <see cref="Measuring"/>: how much of the push latency is the request itself.</summary>
    public Latencies RoundTrips { get; } = new();

    /// <summary>Off during the warm-up.</summary>
    public bool Measuring { get; set; } = true;

    public string? FirstFailure => _firstFailure;

    /// <summary>When the POST that opened the tagged incident was sent (a Stopwatch timestamp), or null.</summary>
    public long? SentAt(int tag)
    {
        lock (_sentAt)
        {
            return _sentAt.TryGetValue(tag, out var at) ? at : null;
        }
    }

    /// <summary>Opens an incident at the building with these units; its id, or null when the POST failed (counted).</summary>
    public async Task<long?> OpenAsync(long buildingId, IReadOnlyList<string> units, CancellationToken cancellationToken)
    {
        var tag = Interlocked.Increment(ref _nextTag);
        var body = JsonSerializer.Serialize(new { buildingId, type = "Structure fire", notes = TagPrefix + tag.ToString(CultureInfo.InvariantCulture), units });
        using var request = Post("/api/incidents", body);
        lock (_sentAt)
        {
            _sentAt[tag] = Stopwatch.GetTimestamp();
        }

        var sent = Stopwatch.GetTimestamp();
        using var document = await SendAsync(request, cancellationToken);
        if (Measuring)
        {
            RoundTrips.Add(Stopwatch.GetElapsedTime(sent));
        }

        return document?.RootElement.GetProperty("incident").GetProperty("incidentId").GetInt64();
    }

    public async Task<bool> CloseAsync(long incidentId, CancellationToken cancellationToken)
    {
        using var request = Post(string.Create(CultureInfo.InvariantCulture, $"/api/incidents/{incidentId}/close"), "{}");
        using var document = await SendAsync(request, cancellationToken);
        return document is not null;
    }

    private static HttpRequestMessage Post(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<JsonDocument?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(text);
            }

            Fail($"{request.RequestUri} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Fail($"{request.RequestUri}: {exception.Message}");
        }

        return null;
    }

    private void Fail(string what)
    {
        Interlocked.Increment(ref _failures);
        Interlocked.CompareExchange(ref _firstFailure, what, null);
    }

    public void Dispose() => _http.Dispose();
}
