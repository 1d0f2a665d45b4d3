extern alias web;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using UnitHub = web::BIS.Web.Units.UnitHub;
using UnitMessage = web::BIS.Web.Units.UnitMessage;
using UnitMessages = web::BIS.Web.Units.UnitMessages;

namespace BIS.Benchmarks.Push;

/// <summary>
/// One tablet as the protocol asks (docs/unit-protocol.md), with the real .NET SignalR client and its own
/// device token: applies by sequence number (a duplicate delivery is ignored, a gap asks Resume), resumes on
/// every connect, and acknowledges what it applied. It counts what it applied and anything it would have
/// applied twice, and reports each applied message to the load so latencies are measured where they end.
/// </summary>
public sealed class BenchTablet : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _resuming = new(1, 1);
    private readonly HashSet<(long? Incident, string Kind)> _seen = [];
    private readonly Action<BenchTablet, UnitMessage, long> _applied;

    public BenchTablet(Uri server, string unitId, string token, Action<BenchTablet, UnitMessage, long> applied)
    {
        UnitId = unitId;
        _applied = applied;
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, UnitHub.Path), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        // A large fleet answers slowly under a storm; the default 30 s would drop tablets that are only queued.
        Connection.ServerTimeout = TimeSpan.FromMinutes(2);
        Connection.On<UnitMessage>("Message", message =>
        {
            if (Apply(message, Stopwatch.GetTimestamp()) == Outcome.Gap)
            {
                // Never awaited in the handler: an invocation's answer is read by the loop this handler runs on.
                _ = Task.Run(ResumeAsync);
            }
        });
    }

    public string UnitId { get; }

    public HubConnection Connection { get; }

    public long LastApplied { get; private set; }

    public int Applied { get; private set; }

    /// <summary>The same message (by incident and kind) applied a second time under another number: the server wrote it twice.</summary>
    public int AppliedTwice { get; private set; }

    /// <summary>Deliveries ignored because their number was applied already (a push racing a Resume): expected, harmless.</summary>
    public int DuplicateDeliveries { get; private set; }

    public int Gaps { get; private set; }

    public string? LastError { get; private set; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await Connection.StartAsync(cancellationToken);
        await ResumeAsync();
    }

    public Task DisconnectAsync() => Connection.StopAsync();

    /// <summary>Everything after the last applied message, page by page.</summary>
    public async Task ResumeAsync()
    {
        await _resuming.WaitAsync();
        try
        {
            while (true)
            {
                var page = await Connection.InvokeAsync<List<UnitMessage>>("Resume", LastApplied);
                var now = Stopwatch.GetTimestamp();
                page.ForEach(m => Apply(m, now));
                if (page.Count < UnitMessages.Page)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The connection dropped under it; the next connect resumes again.
            LastError = exception.Message;
        }
        finally
        {
            _resuming.Release();
        }
    }

    private Outcome Apply(UnitMessage message, long at)
    {
        lock (_gate)
        {
            if (message.Seq <= LastApplied)
            {
                DuplicateDeliveries++;
                return Outcome.Duplicate;
            }

            if (message.Seq > LastApplied + 1)
            {
                Gaps++;
                return Outcome.Gap;
            }

            LastApplied = message.Seq;
            Applied++;
            if (message.Kind is "assigned" or "closed" && !_seen.Add((message.IncidentId, message.Kind)))
            {
                AppliedTwice++;
            }
        }

        _applied(this, message, at);
        Acknowledge(message.Seq);
        return Outcome.Applied;
    }

    /// <summary>The crew "saw" it at once: cumulative, so a later acknowledgement covers an earlier one that was lost.</summary>
    private void Acknowledge(long seq)
    {
        if (Connection.State == HubConnectionState.Connected)
        {
            _ = Connection.SendAsync("Acknowledge", seq).ContinueWith(t => LastError = t.Exception?.GetBaseException().Message,
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>The benchmark's tag in the incident's notes ("bench 17"), to match a message to the POST that caused it.</summary>
    public static int? TagOf(UnitMessage message) =>
        message.Body.TryGetProperty("incident", out var incident)
        && incident.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.String
        && notes.GetString() is { } text && text.StartsWith(CadDriver.TagPrefix, StringComparison.Ordinal)
        && int.TryParse(text.AsSpan(CadDriver.TagPrefix.Length), out var tag)
            ? tag
            : null;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private enum Outcome
    {
        Applied,
        Duplicate,
        Gap,
    }
}
