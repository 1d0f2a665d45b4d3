using System.Globalization;
using System.Threading.Channels;
using BIS.Ingest.Database;
using BIS.Web.Resilience;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace BIS.Web.Units;

/// <summary>
/// This node's carrier for unit messages: LISTENs on <see cref="UnitOutbox.Channel"/> and pushes each new
/// message to its unit's group when a connection of that unit is on this node (and marks it sent), and on
/// <see cref="DeviceRegistry.RevokedChannel"/> cuts a revoked device's connections. Notices are pushed in
/// the order heard, which for one unit is the order of its numbers (they commit under the unit row's lock).
/// Whatever is missed here (the listener away, a push into a dropping socket) is not lost: it is in the
/// outbox, and the tablet's next Resume or the next message's gap brings it.
/// </summary>
public sealed class UnitPushListener(
    NpgsqlDataSource dataSource, UnitMessages messages, UnitConnections connections, DeviceRegistry devices,
    IHubContext<UnitHub> hub, PushMetrics metrics, TimeProvider time, ILogger<UnitPushListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly Channel<(string UnitId, long Seq)> _heard = Channel.CreateUnbounded<(string, long)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Pushed messages waiting to be marked sent: marked behind the pushing, so the next message never waits for a commit.</summary>
    private readonly Channel<IReadOnlyList<UnitMessage>> _pushed = Channel.CreateUnbounded<IReadOnlyList<UnitMessage>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN succeeded.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pusher = Task.Run(() => PushAsync(stoppingToken), CancellationToken.None);
        var marker = Task.Run(MarkSentAsync, CancellationToken.None);
        var backoff = new Backoff(TimeSpan.FromSeconds(1), MaxBackoff);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Heard(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {UnitOutbox.Channel}; LISTEN {DeviceRegistry.RevokedChannel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                backoff.Reset();
                // What was committed while nobody here listened: pushed now, and revocations applied.
                await CatchUpAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.Log(ConnectionLoss.Is(exception) ? LogLevel.Warning : LogLevel.Error, exception,
                    "Unit push listener lost its connection; retrying in {Backoff}", backoff.Next);
                await backoff.WaitAsync(stoppingToken);
            }
        }

        _heard.Writer.TryComplete();
        await pusher;
        _pushed.Writer.TryComplete();
        await marker;
    }

    private void Heard(string channel, string payload)
    {
        if (channel == DeviceRegistry.RevokedChannel)
        {
            if (long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var device))
            {
                var cut = connections.AbortDevice(device);
                logger.LogInformation("Device {Device} revoked: closed {Count} connection(s) on this node", device, cut);
            }

            return;
        }

        var colon = payload.LastIndexOf(':');
        if (colon > 0 && long.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            _heard.Writer.TryWrite((payload[..colon], seq));
        }
    }

    /// <summary>One reader: drains what was heard, reads those of units connected here in one query, pushes them in order.</summary>
    private async Task PushAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string UnitId, long Seq)>();
        try
        {
            while (await _heard.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < 1000 && _heard.Reader.TryRead(out var key))
                {
                    if (connections.HasUnit(key.UnitId))
                    {
                        batch.Add(key);
                    }
                }

                if (batch.Count > 0)
                {
                    await TryAsync(async () => await SendAsync(await messages.FindAsync(batch, stoppingToken), stoppingToken), "push unit messages");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        foreach (var device in connections.Devices)
        {
            if (await devices.IsRevokedAsync(device, stoppingToken))
            {
                connections.AbortDevice(device);
            }
        }

        if (connections.Units is { Count: > 0 } units)
        {
            await SendAsync(await messages.UnsentAsync(units, stoppingToken), stoppingToken);
        }
    }

    /// <summary>Each unit's messages in order; different units' side by side, so one slow socket does not hold up the others.</summary>
    private async Task SendAsync(IReadOnlyList<UnitMessage> found, CancellationToken stoppingToken)
    {
        await Task.WhenAll(found.GroupBy(m => m.UnitId, StringComparer.Ordinal).Select(async unit =>
        {
            foreach (var message in unit)
            {
                await hub.Clients.Group(UnitHub.GroupOf(message.UnitId)).SendAsync("Message", message, stoppingToken);
                metrics.Pushed(message, time.GetUtcNow());
            }
        }));

        if (found.Count > 0)
        {
            _pushed.Writer.TryWrite(found);
        }
    }

    /// <summary>Marks what was pushed as sent, everything waiting in one statement.</summary>
    private async Task MarkSentAsync()
    {
        var batch = new List<UnitMessage>();
        while (await _pushed.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < 5000 && _pushed.Reader.TryRead(out var pushed))
            {
                batch.AddRange(pushed);
            }

            // Not the stopping token: what was pushed before shutdown is still marked.
            await TryAsync(() => messages.MarkSentAsync(batch, CancellationToken.None), "mark unit messages sent");
        }
    }

    private async Task TryAsync(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The messages stay in the outbox: the tablets get them on their next Resume.
            logger.LogWarning(exception, "Could not {What}", what);
        }
    }
}
