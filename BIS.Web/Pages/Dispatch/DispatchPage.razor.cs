using BIS.Web.Incidents;
using BIS.Web.Live;
using BIS.Web.Lookup;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BIS.Web.Pages.Dispatch;

/// <summary>
/// The dispatch console: find the building, read its card, open an incident and send units. Hazard and
/// incident changes arrive through <see cref="LiveUpdates"/> and update the open card in place.
/// </summary>
public sealed partial class DispatchPage
{
    [Inject] private BuildingLookup Lookup { get; set; } = default!;
    [Inject] private HazardAudit Audit { get; set; } = default!;
    [Inject] private CircuitOrigin Client { get; set; } = default!;
    [Inject] private IncidentBook Incidents { get; set; } = default!;
    [Inject] private LiveUpdates Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<DispatchPage> Logger { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private BuildingSummary? _summary;
    private HazardChange? _change;
    private Incident? _incident;
    private IReadOnlyList<Incident> _incidents = [];
    private IReadOnlyList<Unit> _units = [];
    private readonly HashSet<long> _changed = [];
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        Live.BuildingsChanged += OnBuildingsChangedAsync;
        Live.IncidentsChanged += OnIncidentsChangedAsync;
        Live.Resynchronize += OnResynchronizeAsync;
        await ReloadBoardAsync();
    }

    private Task PickCandidateAsync(BuildingCandidate candidate)
    {
        _incident = null;
        return ShowBuildingAsync(candidate.BuildingId, null);
    }

    private async Task PickOnMapAsync((double Latitude, double Longitude) point)
    {
        var hit = await Attempt(() => Lookup.AtAsync(point.Latitude, point.Longitude, CancellationToken.None));
        if (hit is { Count: > 0 })
        {
            _incident = null;
            await ShowBuildingAsync(hit[0].BuildingId, null);
        }
        else if (hit is not null)
        {
            _error = "No building at that point of the map.";
        }
    }

    private async Task SelectIncidentAsync(Incident incident)
    {
        _incident = incident;
        if (incident.BuildingId is { } building)
        {
            _changed.Remove(building);
            await ShowBuildingAsync(building, incident.IncidentId);
        }
    }

    /// <summary>Shows a building's card; every open is audited (who, when, which building, which incident).</summary>
    private async Task ShowBuildingAsync(long buildingId, long? incidentId)
    {
        var user = (await Authentication).User;
        var summary = await Attempt(async () =>
        {
            // Read while the audit row commits; the card is shown only once both have succeeded.
            var audited = Audit.RecordViewAsync(user, Client.Origin, buildingId, incidentId, CancellationToken.None);
            var read = Lookup.GetAsync(buildingId, CancellationToken.None);
            await Task.WhenAll(audited, read);
            return await read;
        });
        if (summary is not null)
        {
            (_summary, _change, _error) = (summary, null, null);
        }
    }

    private async Task OpenIncidentAsync((string Type, string Notes) request)
    {
        if (_summary is null)
        {
            return;
        }

        var user = (await Authentication).User;
        var incident = await Attempt(() => Incidents.OpenAsync(_summary.BuildingId, request.Type, request.Notes, user, CancellationToken.None));
        if (incident is not null)
        {
            _incident = incident;
            var buildingId = _summary.BuildingId;
            await Attempt(() => Audit.RecordViewAsync(user, Client.Origin, buildingId, incident.IncidentId, CancellationToken.None));
            await ReloadBoardAsync();
        }
    }

    private async Task AssignAsync(IReadOnlyCollection<string> unitIds)
    {
        if (_incident is null)
        {
            return;
        }

        var user = (await Authentication).User;
        var incidentId = _incident.IncidentId;
        if (await Attempt(() => Incidents.AssignAsync(incidentId, unitIds, user, CancellationToken.None)) is { } updated)
        {
            _incident = updated;
        }

        await ReloadBoardAsync();
    }

    private async Task CloseIncidentAsync()
    {
        if (_incident is null)
        {
            return;
        }

        var user = (await Authentication).User;
        var incidentId = _incident.IncidentId;
        await Attempt(() => Incidents.CloseAsync(incidentId, user, CancellationToken.None));
        _incident = null;
        await ReloadBoardAsync();
    }

    private async Task ReloadBoardAsync()
    {
        _incidents = await Attempt(() => Incidents.OpenIncidentsAsync(CancellationToken.None)) ?? _incidents;
        _units = await Attempt(() => Incidents.UnitsAsync(CancellationToken.None)) ?? _units;
        if (_incident is not null)
        {
            _incident = _incidents.FirstOrDefault(i => i.IncidentId == _incident.IncidentId);
        }
    }

    private Task OnBuildingsChangedAsync(BuildingsChanged change) => InvokeAsync(async () =>
    {
        foreach (var incident in _incidents)
        {
            if (incident.BuildingId is { } building && building != _summary?.BuildingId && change.Includes(building))
            {
                _changed.Add(building);
            }
        }

        if (_summary is { } shown && change.Includes(shown.BuildingId)
            && await Lookup.GetAsync(shown.BuildingId, CancellationToken.None) is { } fresh)
        {
            var diff = HazardChange.Between(shown, fresh, change.Feed, Time.GetUtcNow());
            _summary = fresh;
            _change = diff.IsEmpty ? _change : diff;
        }

        StateHasChanged();
    });

    private Task OnIncidentsChangedAsync() => InvokeAsync(async () =>
    {
        await ReloadBoardAsync();
        StateHasChanged();
    });

    private Task OnResynchronizeAsync() => InvokeAsync(async () =>
    {
        await ReloadBoardAsync();
        if (_summary is { } shown && await Lookup.GetAsync(shown.BuildingId, CancellationToken.None) is { } fresh)
        {
            _summary = fresh;
        }

        StateHasChanged();
    });

    private async Task Attempt(Func<Task> action) => await Attempt(async () =>
    {
        await action();
        return this;
    });

    /// <summary>Runs a console action; a refusal or an outage becomes a banner, never a broken circuit.</summary>
    private async Task<T?> Attempt<T>(Func<Task<T>> action)
        where T : class?
    {
        try
        {
            return await action();
        }
        catch (IncidentRequestException refusal)
        {
            _error = refusal.Message;
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Console action failed");
            _error = "That did not work: the database did not answer. Try again; if it persists, call the BIS on-call.";
        }

        return null;
    }

    public void Dispose()
    {
        Live.BuildingsChanged -= OnBuildingsChangedAsync;
        Live.IncidentsChanged -= OnIncidentsChangedAsync;
        Live.Resynchronize -= OnResynchronizeAsync;
    }
}
