using System.Security.Claims;
using BIS.Web.Incidents;
using BIS.Web.Lookup;

namespace BIS.Web.Cad;

/// <summary>
/// What the CAD endpoints do, on <see cref="IncidentBook"/> and <see cref="BuildingLookup"/>: check the request,
/// find the one building it means (or say which ones it could mean), then open, assign, unassign or close.
/// 400 for a request malformed whatever the data; 422 when the data says no; 404 for an incident that does not exist.
/// </summary>
public sealed class CadIncidents(IncidentBook book, BuildingLookup lookup, CadResults results)
{
    public const int MaxUnits = 50;

    public async Task<CadOutcome> CreateAsync(byte[] body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (request, malformed) = CadBody.Parse<CreateIncidentRequest>(body, CreateIncidentRequest.Shapes);
        if (malformed is not null)
        {
            return results.Invalid(malformed);
        }

        var errors = new Dictionary<string, string[]>();
        var type = CheckType(request!.Type, errors);
        var notes = request.Notes;
        if (notes is { Length: > IncidentBook.MaxNotesLength })
        {
            errors["notes"] = [$"At most {IncidentBook.MaxNotesLength} characters."];
        }

        CheckLocation(request, errors);
        var units = CheckUnits(request.Units, errors, required: false);
        if (errors.Count > 0)
        {
            return results.Invalid(errors);
        }

        if (await UnavailableAsync(units, null, cancellationToken) is { } busy)
        {
            return busy;
        }

        var resolved = await ResolveAsync(request, cancellationToken);
        if (resolved.Refusal is not null)
        {
            return resolved.Refusal;
        }

        var building = resolved.Building!;
        Incident incident;
        try
        {
            // One transaction: a unit taken between the check above and now leaves no incident behind.
            incident = await book.OpenAsync(building.BuildingId, type!, notes, units, user, cancellationToken);
        }
        catch (IncidentRequestException ex)
        {
            return results.Unprocessable(ex.Message, new Dictionary<string, string[]> { [ex.Field] = [ex.Message] });
        }

        return results.Json(StatusCodes.Status201Created, new CreatedIncident(incident, building), $"/api/incidents/{incident.IncidentId}");
    }

    public async Task<CadOutcome> AssignAsync(long incidentId, byte[] body, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ChangeUnitsAsync(incidentId, body, assign: true, user, cancellationToken);

    public async Task<CadOutcome> UnassignAsync(long incidentId, byte[] body, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ChangeUnitsAsync(incidentId, body, assign: false, user, cancellationToken);

    private async Task<CadOutcome> ChangeUnitsAsync(long incidentId, byte[] body, bool assign, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (request, malformed) = CadBody.Parse<UnitsRequest>(body, UnitsRequest.Shapes);
        if (malformed is not null)
        {
            return results.Invalid(malformed);
        }

        var errors = new Dictionary<string, string[]>();
        var units = CheckUnits(request!.Units, errors, required: true);
        if (errors.Count > 0)
        {
            return results.Invalid(errors);
        }

        if (await OpenIncidentAsync(incidentId, cancellationToken) is { Refusal: { } refusal })
        {
            return refusal;
        }

        if (assign && await UnavailableAsync(units, incidentId, cancellationToken) is { } busy)
        {
            return busy;
        }

        try
        {
            var incident = assign
                ? await book.AssignAsync(incidentId, units, user, cancellationToken)
                : await book.UnassignAsync(incidentId, units, user, cancellationToken);
            return results.Json(StatusCodes.Status200OK, incident);
        }
        catch (IncidentRequestException ex)
        {
            return results.Unprocessable(ex.Message, new Dictionary<string, string[]> { ["units"] = [ex.Message] });
        }
    }

    public async Task<CadOutcome> CloseAsync(long incidentId, byte[] body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (_, malformed) = CadBody.Parse<CloseRequest>(body, CloseRequest.Shapes, emptyAllowed: true);
        if (malformed is not null)
        {
            return results.Invalid(malformed);
        }

        if (await OpenIncidentAsync(incidentId, cancellationToken) is { Refusal: { } refusal })
        {
            return refusal;
        }

        try
        {
            return results.Json(StatusCodes.Status200OK, await book.CloseAsync(incidentId, user, cancellationToken));
        }
        catch (IncidentRequestException ex)
        {
            return results.Unprocessable(ex.Message, new Dictionary<string, string[]> { ["incidentId"] = [ex.Message] });
        }
    }

    private async Task<(Incident? Incident, CadOutcome? Refusal)> OpenIncidentAsync(long incidentId, CancellationToken cancellationToken)
    {
        var incident = await book.GetAsync(incidentId, cancellationToken);
        if (incident is null)
        {
            return (null, results.Problem(StatusCodes.Status404NotFound, "No such incident.", $"No incident {incidentId}."));
        }

        return incident.Status == "open"
            ? (incident, null)
            : (incident, results.Unprocessable($"Incident {incidentId} is {incident.Status}.",
                new Dictionary<string, string[]> { ["incidentId"] = [$"Incident {incidentId} is {incident.Status}: nothing can be changed on it."] }));
    }

    /// <summary>Unknown, out-of-service or busy units, each named, before anything is written.</summary>
    private async Task<CadOutcome?> UnavailableAsync(IReadOnlyList<string> units, long? incidentId, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return null;
        }

        var roster = (await book.UnitsAsync(units, cancellationToken)).ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in units)
        {
            if (!roster.TryGetValue(id, out var unit))
            {
                problems.Add($"No unit '{id}'.");
            }
            else if (!unit.InService)
            {
                problems.Add($"{id} is out of service.");
            }
            else if (unit.AssignedTo is { } other && other != incidentId)
            {
                problems.Add($"{id} is on incident {other}.");
            }
        }

        return problems.Count == 0
            ? null
            : results.Unprocessable("Some units cannot be assigned; nothing was changed.", new Dictionary<string, string[]> { ["units"] = [.. problems] });
    }

    private async Task<(ResolvedBuilding? Building, CadOutcome? Refusal)> ResolveAsync(CreateIncidentRequest request, CancellationToken cancellationToken)
    {
        if (request.BuildingId is { } id)
        {
            return await lookup.GetAsync(id, cancellationToken) is { } summary
                ? (new ResolvedBuilding(id, summary.Address, "building id"), null)
                : (null, results.Unprocessable($"No building {id}.", new Dictionary<string, string[]> { ["buildingId"] = [$"No building {id}."] }));
        }

        if (request is { Latitude: { } lat, Longitude: { } lon })
        {
            var at = await lookup.AtAsync(lat, lon, cancellationToken);
            return at.Count > 0
                ? (new ResolvedBuilding(at[0].BuildingId, at[0].Address, at[0].MatchedBy), null)
                : (null, results.Unprocessable("No building at or within 50 m of that point.",
                    new Dictionary<string, string[]> { ["latitude"] = ["No building at or within 50 m of this point."] },
                    new Dictionary<string, object?> { ["candidates"] = Array.Empty<CandidateView>() }));
        }

        var candidates = await lookup.SearchAsync(request.Address!, 10, cancellationToken);
        var exact = candidates.Where(c => c.MatchedBy == "address").ToList();
        if (exact.Count == 1)
        {
            return (new ResolvedBuilding(exact[0].BuildingId, exact[0].Address, "address"), null);
        }

        // Several exact hits, or only near spellings and names: the caller chooses, BIS does not guess.
        var detail = candidates.Count == 0
            ? $"No building matches '{CadBody.Shorten(request.Address!)}'."
            : exact.Count > 1
                ? $"{exact.Count} buildings match '{CadBody.Shorten(request.Address!)}'; send the buildingId of the one meant."
                : $"No building has exactly the address '{CadBody.Shorten(request.Address!)}'; the candidates are near matches. Send the buildingId of the one meant.";
        return (null, results.Unprocessable(detail, new Dictionary<string, string[]> { ["address"] = [detail] },
            new Dictionary<string, object?> { ["candidates"] = (exact.Count > 1 ? exact : candidates).Select(CandidateView.Of).ToList() }));
    }

    private static string? CheckType(string? type, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            errors["type"] = [$"Required: one of {string.Join(", ", IncidentTypes.All)}."];
            return null;
        }

        var known = IncidentTypes.All.FirstOrDefault(t => t.Equals(type.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            errors["type"] = [$"Unknown incident type '{CadBody.Shorten(type)}'. Use one of: {string.Join(", ", IncidentTypes.All)}."];
        }

        return known;
    }

    private static void CheckLocation(CreateIncidentRequest request, Dictionary<string, string[]> errors)
    {
        var hasAddress = request.Address is not null;
        var hasPoint = request.Latitude is not null || request.Longitude is not null;
        var hasId = request.BuildingId is not null;
        var given = (hasAddress ? 1 : 0) + (hasPoint ? 1 : 0) + (hasId ? 1 : 0);
        if (given == 0)
        {
            errors["address"] = ["Required: give address, or latitude and longitude, or buildingId."];
            return;
        }

        if (given > 1)
        {
            errors[hasAddress ? "address" : "latitude"] = ["Give only one of address, latitude/longitude, buildingId."];
            return;
        }

        if (hasAddress && (string.IsNullOrWhiteSpace(request.Address) || request.Address.Length > BuildingLookup.MaxQueryLength))
        {
            errors["address"] = [$"Must be 1 to {BuildingLookup.MaxQueryLength} characters."];
        }

        if (hasPoint)
        {
            if (request.Latitude is not { } lat)
            {
                errors["latitude"] = ["Required with longitude."];
            }
            else if (lat is not (>= -90 and <= 90))
            {
                errors["latitude"] = ["Must be between -90 and 90 (WGS84 degrees)."];
            }

            if (request.Longitude is not { } lon)
            {
                errors["longitude"] = ["Required with latitude."];
            }
            else if (lon is not (>= -180 and <= 180))
            {
                errors["longitude"] = ["Must be between -180 and 180 (WGS84 degrees)."];
            }
        }

        if (request.BuildingId is <= 0)
        {
            errors["buildingId"] = ["Must be a positive integer."];
        }
    }

    /// <summary>Unit ids upper-cased and trimmed, each once, in the order given.</summary>
    private static List<string> CheckUnits(IReadOnlyList<string>? units, Dictionary<string, string[]> errors, bool required)
    {
        if (units is null || units.Count == 0)
        {
            if (required)
            {
                errors["units"] = ["Required: at least one unit id."];
            }

            return [];
        }

        if (units.Count > MaxUnits)
        {
            errors["units"] = [$"At most {MaxUnits} units at once."];
            return [];
        }

        var ids = new List<string>();
        for (var i = 0; i < units.Count; i++)
        {
            var id = units[i]?.Trim().ToUpperInvariant() ?? "";
            if (id.Length is 0 or > 16 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                errors[$"units[{i}]"] = ["A unit id is 1-16 letters, digits or '-'."];
            }
            else if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
