using System.Threading.Channels;
using BIS.Web.Live;
using Npgsql;

namespace BIS.Web.Units;

/// <summary>
/// Tells the consoles of every node that a delivery or a unit's status changed (<c>NOTIFY bis_incidents_changed</c>),
/// at most once per <see cref="Window"/> from this node. Each notice is a committed transaction of its own; a thousand
/// tablets each marking messages received and acknowledged would otherwise add two commits per message, all queueing
/// on PostgreSQL's notification lock. A request is taken before the notice is sent, and the change it announces was
/// committed before it was requested, so a console that re-reads on the notice always sees it.
/// </summary>
public sealed class DispatchBoardNotice(NpgsqlDataSource dataSource, ILogger<DispatchBoardNotice> logger) : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private readonly Channel<bool> _wanted = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Asks for one notice soon; requests made before it goes share it.</summary>
    public void Request() => _wanted.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wanted.Reader.WaitToReadAsync(stoppingToken))
            {
                _wanted.Reader.TryRead(out _);
                try
                {
                    await using var command = dataSource.CreateCommand($"NOTIFY {DatabaseChangeListener.IncidentsChannel}");
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The delivery column is then behind until the next change; the deliveries themselves are stored.
                    logger.LogWarning(exception, "Could not tell the consoles about a delivery");
                }

                await Task.Delay(Window, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
