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
/// pushed (NOTIFY → <see cref="LiveUpdates.AlarmsChanged"/>) and committed runs too; a run in progress, wherever it
/// executes, announces its start, each phase, its rows so far (about once a second) and its end
/// (<see cref="BIS.Ingest.Pipeline.RunProgress"/> → <see cref="LiveUpdates.RunProgress"/>), and the board re-reads itself
/// on each, so nothing here polls.
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

    private IReadOnlyList<FeedBoardRow> _rows = [];
    private IReadOnlyList<AlarmView> _alarms = [];
    private readonly HashSet<string> _busy = [];
    private DateTimeOffset _now;
    private int _openAlarms;
    private string? _error;

    // Progress notices of several runs may arrive together: one re-read at a time, and one more after it if any came meanwhile.
    private int _progressReads;

    protected override async Task OnInitializedAsync()
    {
        Live.AlarmsChanged += OnChangedAsync;
        Live.BuildingsChanged += OnRunCommittedAsync;
        Live.Resynchronize += OnChangedAsync;
        Live.RunProgress += OnRunProgressAsync;
        await ReloadAsync();
    }

    private Task OnRunCommittedAsync(BuildingsChanged _) => OnChangedAsync();

    private async Task OnRunProgressAsync(string _)
    {
        if (Interlocked.Increment(ref _progressReads) > 1)
        {
            return;
        }

        do
        {
            Interlocked.Exchange(ref _progressReads, 1);
            await OnChangedAsync();
        }
        while (Interlocked.CompareExchange(ref _progressReads, 0, 1) != 1);
    }

    private Task OnChangedAsync() => InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    // Set once the circuit is live, so a person (or a browser test) can tell the buttons answer: prerendered ones do not.
    private bool _interactive;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

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
        Live.RunProgress -= OnRunProgressAsync;
    }
}
