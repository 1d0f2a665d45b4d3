using System.Text.Json;
using System.Text.Json.Serialization;

using BIS.Web.Incidents;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using BIS.Web.Units;

namespace BIS.Web.Lookup;

/// <summary>
/// Read-only JSON lookups of the hazard index for CAD and the console. Bad input (empty or oversized
/// query, coordinates out of range, non-numeric ids) gets a 400 problem response, never a 500.
/// </summary>
public static class LookupEndpoints
{
    public static IServiceCollection AddBuildingLookup(this IServiceCollection services)
    {
        // Severities and feeds go out by name ("high", "building-permits"), never as bare numbers.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddOptions<LookupCacheOptions>()
            .BindConfiguration(LookupCacheOptions.Section)
            .Validate(o => o is { Seconds: >= 0, Summaries: >= 0, Searches: >= 0, TileMegabytes: >= 0, FreshnessSeconds: >= 0 },
                $"{LookupCacheOptions.Section}: sizes and lifetimes must be 0 (off) or more.")
            .ValidateOnStart();
        services.AddSingleton<LookupCaches>();
        services.AddLookupDataSource();
        return services.AddSingleton<BuildingLookup>();
    }

    public static IEndpointRouteBuilder MapBuildingLookup(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/buildings").RequireAuthorization(BisPolicies.ReadHazards);

        // Opening a building's hazards is audited (who, when, which building, from which incident and where).
        // An incident that does not exist is refused, not dropped: the caller (a CAD out of step with BIS,
        // sending its own numbers) learns at once, and the log never links a view to a made-up incident.
        // A closed incident is accepted: its cards are still read after the call, for the report.
        group.MapGet("/{id:long}", async (long id, long? incident, BuildingLookup lookup, IncidentBook incidents, HazardAudit audit, HttpContext context, CancellationToken ct) =>
        {
            if (incident is { } incidentId && await incidents.GetAsync(incidentId, ct) is null)
            {
                return Results.Problem($"No incident {incidentId}: open the card without ?incident= or with the id of a BIS incident.", statusCode: 400);
            }

            if (await lookup.GetAsync(id, ct) is not { } summary)
            {
                return Results.Problem($"No building {id}.", statusCode: 404);
            }

            await audit.RecordViewAsync(context.User, ClientOrigin.Of(context), id, incident, ct);
            return Results.Ok(summary);
        }).AddEndpointFilter<CrewBuildingAccess>();

        group.MapGet("/search", async (string? q, int? limit, BuildingLookup lookup, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return Results.Problem("Give the address to search for as ?q=.", statusCode: 400);
            }

            if (q.Length > BuildingLookup.MaxQueryLength)
            {
                return Results.Problem($"The query is longer than {BuildingLookup.MaxQueryLength} characters.", statusCode: 400);
            }

            return Results.Ok(await lookup.SearchAsync(q, Math.Clamp(limit ?? 10, 1, 50), ct));
        });

        group.MapGet("/at", async (double? lat, double? lon, BuildingLookup lookup, CancellationToken ct) =>
        {
            if (lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180))
            {
                return Results.Problem("Give ?lat= and ?lon= in WGS84 degrees.", statusCode: 400);
            }

            return Results.Ok(await lookup.AtAsync(lat.Value, lon.Value, ct));
        });

        return endpoints;
    }
}
