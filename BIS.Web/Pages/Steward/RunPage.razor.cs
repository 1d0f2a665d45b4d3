using BIS.Domain.Feeds;
using BIS.Ingest.Scheduling;
using BIS.Web.Security.Audit;
using BIS.Web.Steward;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Quartz;

namespace BIS.Web.Pages.Steward;

/// <summary>
/// One run of a feed: its figures and phases, why it was refused or failed (with Accept anyway, through the same
/// audited path as the board), its rejected rows a page at a time, the records it loaded with warnings or kept, and
/// the feed's unmatched records with a way to fix each link. Pages and the reason filter live in the query string.
/// </summary>
public sealed partial class RunPage
{
    [Inject] private RunReport Report { get; set; } = default!;
    [Inject] private StewardActions Actions { get; set; } = default!;
    [Inject] private FeedTrigger Trigger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private CircuitOrigin Client { get; set; } = default!;
    [Inject] private ILogger<RunPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>Set while the page is prerendered, so an unknown run answers 404 and not 200.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [Parameter] public long RunId { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }

    [SupplyParameterFromQuery(Name = "reason")] public string? Reason { get; set; }

    [SupplyParameterFromQuery(Name = "unmatched")] public int? UnmatchedPage { get; set; }

    private const int ListLimit = 200;
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(2);

    private RunDetail? _run;
    private bool _missing;
    private string? _error;
    private IReadOnlyList<ReasonCount> _reasons = [];
    private Paged<RejectedRowView> _rejected = new([], 0, 1, RunReport.PageSize);
    private IReadOnlyList<WarnedRecord> _warned = [];
    private IReadOnlyList<RejectedRowView> _kept = [];
    private Paged<UnmatchedRecord> _unmatched = new([], 0, 1, RunReport.PageSize);
    private bool _confirming;
    private bool _accepting;
    private ITimer? _follow;

    /// <summary>
    /// What the prerendered page showed, handed to the interactive page that replaces it, so the page does not go blank
    /// while the circuit reads the same rows again. Server state: protected by Data Protection on its way through the browser.
    /// </summary>
    [PersistentState] public RunPageSnapshot? Prerendered { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        Reason = string.IsNullOrEmpty(Reason) ? null : Reason;
        if (Prerendered is { } shown && shown.Key == Key)
        {
            Prerendered = null;
            Show(shown);
            Follow(_run?.Status == "running");
            return;
        }

        await LoadAsync();
    }

    private RunPageKey Key => new(RunId, Page ?? 1, Reason, UnmatchedPage ?? 1);

    private void Show(RunPageSnapshot shown) =>
        (_run, _reasons, _rejected, _warned, _kept, _unmatched) = (shown.Run, shown.Reasons, shown.Rejected, shown.Warned, shown.Kept, shown.Unmatched);

    private async Task LoadAsync()
    {
        try
        {
            _run = await Report.ReadAsync(RunId, CancellationToken.None);
            _missing = _run is null;
            if (_run is null)
            {
                if (HttpContext is { Response.HasStarted: false } context)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }

                return;
            }

            _reasons = await Report.ReasonsAsync(RunId, CancellationToken.None);
            _rejected = await Report.RejectedAsync(RunId, Reason, Page ?? 1, CancellationToken.None);
            _warned = await Report.WarnedAsync(_run, ListLimit, CancellationToken.None);
            _kept = await Report.KeptAsync(_run, ListLimit, CancellationToken.None);
            _unmatched = await Report.UnmatchedAsync(_run.Feed, UnmatchedPage ?? 1, CancellationToken.None);
            _error = null;
            if (HttpContext is not null)
            {
                Prerendered = new RunPageSnapshot(Key, _run, _reasons, _rejected, _warned, _kept, _unmatched);
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            Logger.LogWarning(ex, "Run {RunId} could not be read", RunId);
            _error = "The run could not be read from the database; reload the page to try again.";
        }

        if (_accepting && _run?.AcceptedIn is { Status: not "running" })
        {
            _accepting = false;
        }

        Follow(_accepting || _run?.Status == "running");
    }

    /// <summary>A run in progress, or the run accepting this one, is re-read until it ends.</summary>
    private void Follow(bool on)
    {
        if (on && _follow is null)
        {
            _follow = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), null, FollowInterval, FollowInterval);
        }
        else if (!on && _follow is not null)
        {
            _follow.Dispose();
            _follow = null;
        }
    }

    private void FilterAsync(ChangeEventArgs change)
    {
        var reason = change.Value as string;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["reason"] = string.IsNullOrEmpty(reason) ? null : reason,
            ["page"] = null,
        }));
    }

    private async Task AcceptAsync()
    {
        _confirming = false;
        if (_run is null || !FeedKindNames.TryParse(_run.Feed, out var kind))
        {
            return;
        }

        try
        {
            await Actions.AcceptAsync(kind, Trigger, new StewardCaller((await Authentication).User, Client.Origin), CancellationToken.None);
            _accepting = true;
        }
        catch (SchedulerException ex)
        {
            _error = $"The scheduler could not start {_run.Feed}: {ex.Message}";
        }

        await LoadAsync();
    }

    private static string RunFacts(RunDetail run)
    {
        var facts = $"started {BoardTime.Format(run.Figures.StartedAt)}";
        if (run.Duration is { } took)
        {
            facts += $" · took {RunPhaseTimeline.Seconds(took.TotalSeconds)}";
        }
        else if (run.Figures.Phase is { } phase)
        {
            facts += $" · now {phase}";
        }

        return facts + $" · trigger {run.Trigger}";
    }

    private static string GateWords(string? gate) => gate switch
    {
        "row-count" => "Held by the row-count gate: far fewer valid rows than the last good run.",
        "deletion" => "Held by the deletion gate: it would delete too many live records.",
        _ => string.Empty,
    };

    /// <summary>Null when the run linked nothing (refused or failed before linking): a rate of 0 % would read as a linkage failure.</summary>
    private static double? MatchRate(RunDetail run) => run.Figures.Matched + run.Figures.Unmatched == 0 ? null : run.Figures.MatchPercent;

    private static string Short(string? text) => text is null ? "–" : text.Length > 16 ? text[..16] + "…" : text;

    private static string Clip(string text, int length) => text.Length > length ? text[..length] + "…" : text;

    public void Dispose() => _follow?.Dispose();
}

/// <summary>Which page of which run, with which filter: a snapshot is shown only for the same one.</summary>
public sealed record RunPageKey(long RunId, int Page, string? Reason, int UnmatchedPage);

/// <summary>Everything a run page shows, as read while prerendering.</summary>
public sealed record RunPageSnapshot(
    RunPageKey Key, RunDetail Run, IReadOnlyList<ReasonCount> Reasons, Paged<RejectedRowView> Rejected,
    IReadOnlyList<WarnedRecord> Warned, IReadOnlyList<RejectedRowView> Kept, Paged<UnmatchedRecord> Unmatched);
