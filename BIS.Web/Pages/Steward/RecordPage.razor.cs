using BIS.Domain.Feeds;
using BIS.Ingest.ManualLinks;
using BIS.Web.Live;
using BIS.Web.Lookup;
using BIS.Web.Security.Audit;
using BIS.Web.Steward;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BIS.Web.Pages.Steward;

/// <summary>
/// "Fix the link" for one feed record: what it says, what it is linked to and why (or why not), a building search as
/// on the console, Link here / Unlink, and the record's history of manual links. A run that commits re-reads it.
/// </summary>
public sealed partial class RecordPage
{
    [Parameter] public string Feed { get; set; } = "";
    [Parameter] public string RecordId { get; set; } = "";

    [Inject] private ManualLinkDesk Desk { get; set; } = default!;
    [Inject] private LiveUpdates Live { get; set; } = default!;
    [Inject] private CircuitOrigin Client { get; set; } = default!;
    [Inject] private ILogger<RecordPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private RecordView? _record;
    private IReadOnlyList<ManualLinkView> _history = [];
    private BuildingCandidate? _picked;
    private string? _note;
    private string? _done;
    private string? _error;
    private bool _loaded;
    private bool _knownFeed;
    private bool _busy;
    private int _choicesMade;

    protected override void OnInitialized()
    {
        Live.BuildingsChanged += OnBuildingsChangedAsync;
        Live.Resynchronize += OnResynchronizeAsync;
    }

    protected override async Task OnParametersSetAsync() => await ReloadAsync();

    private Task OnBuildingsChangedAsync(BuildingsChanged _) => OnResynchronizeAsync();

    private Task OnResynchronizeAsync() => InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    private async Task ReloadAsync()
    {
        _knownFeed = FeedKindNames.TryParse(Feed, out var kind);
        try
        {
            _record = _knownFeed ? await Desk.ReadAsync(kind, RecordId, CancellationToken.None) : null;
            _history = _record is null ? [] : await Desk.HistoryAsync(kind, RecordId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            Logger.LogWarning(ex, "Record {Feed} {RecordId} could not be read", Feed, RecordId);
            _error = "The record could not be read from the database; reload to try again.";
        }

        _loaded = true;
    }

    private Task PickAsync(BuildingCandidate candidate)
    {
        _picked = candidate;
        _done = null;
        return Task.CompletedTask;
    }

    private Task LinkAsync() => _picked is { } picked ? ChooseAsync(picked.BuildingId) : Task.CompletedTask;

    private Task UnlinkAsync() => ChooseAsync(null);

    private async Task ChooseAsync(long? buildingId)
    {
        if (!FeedKindNames.TryParse(Feed, out var kind) || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var caller = new StewardCaller((await Authentication).User, Client.Origin);
            var outcome = await Desk.ChooseAsync(kind, RecordId, buildingId, _note, caller, CancellationToken.None);
            if (outcome.Status == ManualLinkStatus.Applied)
            {
                _done = buildingId is null
                    ? "Unlinked: the record stays unmatched on later runs until its row changes."
                    : $"Linked to {_picked?.Address ?? "building"} #{buildingId}; the index and open consoles are updated.";
                (_picked, _note, _error) = (null, null, null);
                _choicesMade++;
            }
            else
            {
                _error = outcome.Message;
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            Logger.LogError(ex, "Manual link of {Feed} {RecordId} failed", Feed, RecordId);
            _error = "The link could not be saved (database unavailable); nothing was changed.";
        }
        finally
        {
            _busy = false;
        }

        await ReloadAsync();
    }

    public void Dispose()
    {
        Live.BuildingsChanged -= OnBuildingsChangedAsync;
        Live.Resynchronize -= OnResynchronizeAsync;
    }
}
