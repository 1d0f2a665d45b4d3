using BIS.Domain.Feeds;
using BIS.Ingest.Scheduling;
using BIS.Web.Live;
using BIS.Web.Security.Audit;
using BIS.Web.Steward;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Quartz;

namespace BIS.Web.Pages.Steward;

/// <summary>
/// The steward board: which feeds can be trusted now, and the alarms that say when one cannot. Alarms arrive
/// pushed (NOTIFY → <see cref="LiveUpdates.AlarmsChanged"/>) and committed runs too; while a run is in progress
/// its row is re-read every two seconds to show its phase.
/// </summary>
public sealed partial class StewardPage
{
    [Inject] private FeedBoard Board { get; set; } = default!;
    [Inject] private AlarmList AlarmList { get; set; } = default!;
    [Inject] private StewardActions Actions { get; set; } = default!;
    [Inject] private FeedTrigger Trigger { get; set; } = default!;
    [Inject] private LiveUpdates Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private CircuitOrigin Client { get; set; } = default!;
    [Inject] private ILogger<StewardPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    private IReadOnlyList<FeedBoardRow> _rows = [];
    private IReadOnlyList<AlarmView> _alarms = [];
    private readonly HashSet<string> _busy = [];
    private DateTimeOffset _now;
    private int _openAlarms;
    private string? _error;
    private ITimer? _progress;

    protected override async Task OnInitializedAsync()
    {
        Live.AlarmsChanged += OnChangedAsync;
        Live.BuildingsChanged += OnRunCommittedAsync;
        Live.Resynchronize += OnChangedAsync;
        await ReloadAsync();
    }

    private Task OnRunCommittedAsync(BuildingsChanged _) => OnChangedAsync();

    private Task OnChangedAsync() => InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    private async Task ReloadAsync()
    {
        try
        {
            _rows = await Board.ReadAsync(CancellationToken.None);
            _alarms = await AlarmList.ReadAsync(resolvedToShow: 8, CancellationToken.None);
            _now = Time.GetUtcNow();
            _openAlarms = _alarms.Count(a => a.NeedsAttention(_now));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            Logger.LogWarning(ex, "The steward board could not be read");
            _error = "The board could not be read from the database; it will try again.";
        }

        // A run in progress (started here, by the schedule or on another node) is followed until it ends.
        var running = _rows.Any(r => r.Running is not null) || _busy.Count > 0;
        if (running && _progress is null)
        {
            _progress = Time.CreateTimer(_ => _ = OnChangedAsync(), null, ProgressInterval, ProgressInterval);
        }
        else if (!running && _progress is not null)
        {
            _progress.Dispose();
            _progress = null;
        }
    }

    private async Task RunNowAsync(string feed) =>
        await StartRunAsync(feed, async kind => await Trigger.TriggerNowAsync(kind, await UserNameAsync(), CancellationToken.None));

    private async Task AcceptAsync(string feed) =>
        await StartRunAsync(feed, async kind => await Actions.AcceptAsync(kind, Trigger, await CallerAsync(), CancellationToken.None));

    /// <summary>Starts a run of the feed through the scheduler; its row follows the run until it ends.</summary>
    private async Task StartRunAsync(string feed, Func<FeedKind, Task> start)
    {
        if (!FeedKindNames.TryParse(feed, out var kind))
        {
            return;
        }

        _busy.Add(feed);
        try
        {
            await start(kind);
        }
        catch (SchedulerException ex)
        {
            _error = $"The scheduler could not start {feed}: {ex.Message}";
        }
        finally
        {
            _busy.Remove(feed);
        }

        await ReloadAsync();
    }

    private async Task PauseAsync((string Feed, string Reason) pause)
    {
        await Actions.PauseAsync(pause.Feed, pause.Reason, await CallerAsync(), CancellationToken.None);
        await ReloadAsync();
    }

    private async Task ResumeAsync(string feed)
    {
        await Actions.ResumeAsync(feed, await CallerAsync(), CancellationToken.None);
        await ReloadAsync();
    }

    private async Task AcknowledgeAsync(long alarmId)
    {
        await Actions.AcknowledgeAsync(alarmId, await CallerAsync(), CancellationToken.None);
        await ReloadAsync();
    }

    private async Task SnoozeAsync(long alarmId)
    {
        await Actions.SnoozeAsync(alarmId, TimeSpan.FromHours(1), await CallerAsync(), CancellationToken.None);
        await ReloadAsync();
    }

    private async Task<string> UserNameAsync() => (await CallerAsync()).Name;

    private async Task<StewardCaller> CallerAsync() => new((await Authentication).User, Client.Origin);

    public void Dispose()
    {
        Live.AlarmsChanged -= OnChangedAsync;
        Live.BuildingsChanged -= OnRunCommittedAsync;
        Live.Resynchronize -= OnChangedAsync;
        _progress?.Dispose();
    }
}
