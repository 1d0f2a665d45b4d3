using System.Text.Json;
using BIS.Ingest.Alarms;
using BIS.Ingest.Database;
using BIS.Ingest.Pipeline;
using BIS.Web.Lookup;
using BIS.Web.Resilience;
using Npgsql;

namespace BIS.Web.Live;

/// <summary>
/// LISTENs on the database's change channels and hands each notification to <see cref="LiveUpdates"/>.
/// Every web node runs one, so a feed run or an incident opened on another node reaches every console.
/// On a lost connection it reconnects with backoff and asks subscribers to resynchronise, because
/// notifications sent while it was away are gone. Whatever fails, it logs, waits and tries again: a
/// listener that stopped would leave every console without live updates and with kept answers that are
/// never dropped. Its connection is the first to hear PostgreSQL restart (the server ends it at once), so
/// it also empties the lookup pool then: those connections are dead too, and requests should not find out one by one.
/// </summary>
public sealed class DatabaseChangeListener(
    NpgsqlDataSource dataSource,
    [FromKeyedServices(LookupDataSource.Key)] NpgsqlDataSource lookupDataSource,
    LiveUpdates updates,
    LookupCaches caches,
    ILogger<DatabaseChangeListener> logger) : BackgroundService
{
    public const string IncidentsChannel = "bis_incidents_changed";

    /// <summary>At most this long without live updates after the database is back.</summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan IncidentsCoalescing = TimeSpan.FromMilliseconds(150);

    private int _incidentsPending;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN succeeded: from then on no committed change goes unheard (until a lost connection).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), MaxBackoff);
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {FeedRunner.NotifyChannel}; LISTEN {IncidentsChannel}; LISTEN {AlarmEvaluator.NotifyChannel}; LISTEN {RunProgress.NotifyChannel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                logger.LogInformation("Listening for hazard and incident changes");
                _listening.TrySetResult();
                // Whatever was kept before this point was read while nobody listened for changes.
                caches.InvalidateAll();
                if (reconnecting)
                {
                    await updates.PublishResynchronizeAsync();
                }

                backoff.Reset();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                var lost = ConnectionLoss.Is(exception);
                logger.Log(lost ? LogLevel.Warning : LogLevel.Error, exception, "Change listener {What}; retrying in {Backoff}",
                    lost ? "lost the database" : "failed", backoff.Next);
                // Notices sent while we are away are lost: nothing kept until now may be trusted.
                caches.InvalidateAll();
                if (lost)
                {
                    // Npgsql empties the listener's own pool when its connection breaks; the lookup pool is another.
                    lookupDataSource.Clear();
                }

                reconnecting = true;
                await backoff.WaitAsync(stoppingToken);
            }
        }
    }

    private void Dispatch(string channel, string payload)
    {
        if (channel == AlarmEvaluator.NotifyChannel)
        {
            _ = Task.Run(updates.PublishAlarmsChangedAsync);
            return;
        }

        if (channel == RunProgress.NotifyChannel)
        {
            _ = Task.Run(() => updates.PublishRunProgressAsync(payload));
            return;
        }

        if (channel != IncidentsChannel)
        {
            // At once and first (even for a notice we cannot read), so a card re-reading itself on the notice gets the new rows.
            caches.InvalidateAll();
        }

        // Handlers are awaited off the connection's thread so a slow console cannot stall the listener.
        _ = channel == IncidentsChannel
            ? Task.Run(PublishIncidentsSoonAsync)
            : Task.Run(() => PublishBuildingsAsync(payload));
    }

    /// <summary>
    /// Tablets acknowledge by the hundred a second under load, each acknowledgement is a notice, and each
    /// notice makes every open console re-read its board: notices arriving within <see cref="IncidentsCoalescing"/>
    /// are answered by one publish. The flag is cleared before publishing, so a notice that arrives while
    /// subscribers read schedules another round and nothing committed goes unshown.
    /// </summary>
    private async Task PublishIncidentsSoonAsync()
    {
        if (Interlocked.Exchange(ref _incidentsPending, 1) == 1)
        {
            return;
        }

        await Task.Delay(IncidentsCoalescing);
        Interlocked.Exchange(ref _incidentsPending, 0);
        await updates.PublishIncidentsChangedAsync();
    }

    private async Task PublishBuildingsAsync(string payload)
    {
        ChangeNotification.Payload? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ChangeNotification.Payload>(payload, RecordJson.Options);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Ignoring an unreadable change notification");
            return;
        }

        if (parsed is null)
        {
            return;
        }

        var ids = parsed.BuildingIds is { } list ? list.ToHashSet() : await ChangedByRunAsync(parsed.RunId);
        await updates.PublishAsync(new BuildingsChanged(parsed.RunId, parsed.Feed, ids));
    }

    /// <summary>Large runs send only their id; the ids are in run_changed_building. Null (= all) if unreadable.</summary>
    private async Task<IReadOnlySet<long>?> ChangedByRunAsync(long runId)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT building_id FROM run_changed_building WHERE run_id = @run");
            command.Parameters.AddWithValue("run", runId);
            var ids = new HashSet<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        }
        catch (NpgsqlException exception)
        {
            logger.LogWarning(exception, "Could not read the buildings run {RunId} changed; refreshing every open card", runId);
            return null;
        }
    }
}
