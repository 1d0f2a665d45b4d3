using System.Text.Json;
using BIS.Web.Units;
using Microsoft.AspNetCore.SignalR.Client;

namespace BIS.Web.Tests.Units;

/// <summary>
/// What the tablet does, with the real SignalR client: applies messages by sequence number (a duplicate is
/// ignored and counted, a gap asks Resume), calls Resume on every (re)connect, and remembers what it applied.
/// </summary>
public sealed class TabletClient : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<UnitMessage> _applied = [];
    private readonly SemaphoreSlim _resuming = new(1, 1);

    public TabletClient(HubConnection connection, long lastApplied = 0)
    {
        Connection = connection;
        LastApplied = lastApplied;
        Connection.On<UnitMessage>("Message", async message =>
        {
            if (Apply(message) == Outcome.Gap)
            {
                await ResumeAsync();
            }
        });
    }

    public HubConnection Connection { get; }

    public long LastApplied { get; private set; }

    public int Duplicates { get; private set; }

    public IReadOnlyList<UnitMessage> Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied.ToList();
            }
        }
    }

    public async Task StartAsync()
    {
        await Connection.StartAsync();
        await ResumeAsync();
    }

    /// <summary>Asks for everything after the last applied message, page by page.</summary>
    public async Task ResumeAsync()
    {
        await _resuming.WaitAsync();
        try
        {
            while (true)
            {
                var page = await Connection.InvokeAsync<List<UnitMessage>>("Resume", LastApplied);
                page.ForEach(m => Apply(m));
                if (page.Count < UnitMessages.Page)
                {
                    return;
                }
            }
        }
        finally
        {
            _resuming.Release();
        }
    }

    private Outcome Apply(UnitMessage message)
    {
        lock (_gate)
        {
            if (message.Seq <= LastApplied)
            {
                Duplicates++;
                return Outcome.Duplicate;
            }

            if (message.Seq > LastApplied + 1)
            {
                return Outcome.Gap;
            }

            _applied.Add(message);
            LastApplied = message.Seq;
            return Outcome.Applied;
        }
    }

    public static string IncidentTypeOf(UnitMessage message) =>
        message.Body.GetProperty("incident").GetProperty("type").GetString()!;

    public static JsonElement SummaryOf(UnitMessage message) => message.Body.GetProperty("summary");

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private enum Outcome
    {
        Applied,
        Duplicate,
        Gap,
    }
}
