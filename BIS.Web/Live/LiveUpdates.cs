namespace BIS.Web.Live;

/// <summary>Buildings whose hazards a committed feed run changed. Null ids: too many to list; treat every building as changed.</summary>
public sealed record BuildingsChanged(long RunId, string Feed, IReadOnlySet<long>? BuildingIds)
{
    public bool Includes(long buildingId) => BuildingIds is null || BuildingIds.Contains(buildingId);
}

/// <summary>
/// The in-process notifier between the database listener and the open consoles. Components subscribe
/// on render and unsubscribe on dispose; handlers run on the listener's thread, so components marshal
/// with InvokeAsync. A handler that throws is logged and does not stop the others.
/// </summary>
public sealed class LiveUpdates(ILogger<LiveUpdates> logger)
{
    public event Func<BuildingsChanged, Task>? BuildingsChanged;

    /// <summary>Incidents or unit assignments changed (on any web node).</summary>
    public event Func<Task>? IncidentsChanged;

    /// <summary>A feed alarm was opened, resolved, acknowledged or snoozed (on any node).</summary>
    public event Func<Task>? AlarmsChanged;

    /// <summary>A feed run started, changed phase, counted more rows or ended (on any node or the ingest worker); the feed's slug.</summary>
    public event Func<string, Task>? RunProgress;

    /// <summary>The listener reconnected after losing its connection: notifications may have been missed.</summary>
    public event Func<Task>? Resynchronize;

    public Task PublishAsync(BuildingsChanged change) => RaiseAsync(BuildingsChanged, h => h(change));

    public Task PublishIncidentsChangedAsync() => RaiseAsync(IncidentsChanged, h => h());

    public Task PublishAlarmsChangedAsync() => RaiseAsync(AlarmsChanged, h => h());

    public Task PublishRunProgressAsync(string feed) => RaiseAsync(RunProgress, h => h(feed));

    public Task PublishResynchronizeAsync() => RaiseAsync(Resynchronize, h => h());

    private async Task RaiseAsync<THandler>(THandler? handlers, Func<THandler, Task> invoke)
        where THandler : Delegate
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<THandler>())
        {
            try
            {
                await invoke(handler);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "A live-update subscriber failed");
            }
        }
    }
}
