using BIS.Web.Incidents;
using BIS.Web.Lookup;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using BIS.Web.Units;

namespace BIS.Web.Cad;

/// <summary>
/// The CAD API under /api: incidents opened, staffed and closed by a CAD system (API key) or from a dispatcher's
/// or admin's session (cookie + CSRF token), every POST idempotent by its Idempotency-Key, every error an RFC 9457
/// problem, requests limited per key. Its OpenAPI document is /openapi/v1.json, browsable at /api/reference.
/// </summary>
public static class CadApiExtensions
{
    public const string Policy = "cad-api";
    public const string Tag = "CAD";

    public static IServiceCollection AddCadApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CadOptions>().Bind(configuration.GetSection(CadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireRole(BisRoles.Cad, BisRoles.Dispatcher, BisRoles.Admin));
        services.AddSingleton<CadResults>();
        services.AddSingleton<CadIdempotency>();
        services.AddSingleton<CadPosts>();
        services.AddSingleton<CadRateLimit>();
        services.AddSingleton<CadIncidents>();
        services.AddSingleton<CadUnits>();
        services.AddSingleton<CadKeys>();
        services.AddCadOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapCadApi(this IEndpointRouteBuilder endpoints)
    {
        var rateLimit = endpoints.ServiceProvider.GetRequiredService<CadRateLimit>();
        var api = endpoints.MapGroup("/api").RequireAuthorization(Policy).WithTags(Tag).AddEndpointFilter(rateLimit);

        api.MapPost("/incidents", (HttpContext context, CadPosts posts, CadIncidents incidents) =>
                posts.RunAsync(context, (body, ct) => incidents.CreateAsync(body, context.User, ct)))
            .WithSummary("Open an incident on the building at an address, a point or a building id, and assign units.")
            .WithDescription("An address (or point) that matches no building or several answers 422 with the candidates; BIS never guesses. " +
                             "Units are all assigned or none (422 naming each unit that cannot go).")
            .Accepts<CreateIncidentRequest>("application/json")
            .Produces<CreatedIncident>(StatusCodes.Status201Created)
            .WithPostProblems();

        api.MapPost("/incidents/{id:long}/units", (long id, HttpContext context, CadPosts posts, CadIncidents incidents) =>
                posts.RunAsync(context, (body, ct) => incidents.AssignAsync(id, body, context.User, ct)))
            .WithUnits("Assign units to an open incident (all or none).");

        api.MapPost("/incidents/{id:long}/units/unassign", (long id, HttpContext context, CadPosts posts, CadIncidents incidents) =>
                posts.RunAsync(context, (body, ct) => incidents.UnassignAsync(id, body, context.User, ct)))
            .WithUnits("Take units off an open incident (a POST, not DELETE, so that it carries an Idempotency-Key like every change).");

        api.MapPost("/incidents/{id:long}/close", (long id, HttpContext context, CadPosts posts, CadIncidents incidents) =>
                posts.RunAsync(context, (body, ct) => incidents.CloseAsync(id, body, context.User, ct)))
            .WithSummary("Close an open incident; its units become available. The body may be empty or {}.")
            .Produces<Incident>()
            .WithPostProblems();

        // Reading the incident shows its building's hazards: audited like every view of them.
        api.MapGet("/incidents/{id:long}", async (long id, HttpContext context, IncidentBook book, BuildingLookup lookup, HazardAudit audit,
                CadUnits roster, UnitDeliveries deliveries, CadResults results) =>
            {
                var ct = context.RequestAborted;
                if (await book.GetAsync(id, ct) is not { } incident)
                {
                    return results.Problem(StatusCodes.Status404NotFound, "No such incident.", $"No incident {id}.");
                }

                BuildingSummary? summary = null;
                if (incident.BuildingId is { } buildingId && (summary = await lookup.GetAsync(buildingId, ct)) is not null)
                {
                    await audit.RecordViewAsync(context.User, ClientOrigin.Of(context), buildingId, id, ct);
                }

                var delivered = (await deliveries.ForIncidentAsync(id, ct)).ToDictionary(d => d.UnitId, StringComparer.Ordinal);
                var units = (await roster.ListAsync(ct)).Where(u => incident.Units.Contains(u.UnitId)).Select(u => new CadIncidentUnit(
                    u.UnitId, u.Name, u.Status, u.StatusAt, delivered.TryGetValue(u.UnitId, out var d)
                        ? new CadDelivery(d.Seq, d.Kind, d.CreatedAt, d.SentAt, d.ReceivedAt, d.ShownAt)
                        : null)).ToList();
                return results.Json(StatusCodes.Status200OK, new CadIncidentView(incident, summary, units));
            })
            .WithSummary("An incident with its building's hazard summary and its units, each with its status and where its latest message " +
                         "got to (sent, received by the tablet, shown to the crew). The view is written to the audit log.")
            .Produces<CadIncidentView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/incidents", async (IncidentBook book, CadResults results, CancellationToken ct) =>
                results.Json(StatusCodes.Status200OK, await book.OpenIncidentsAsync(ct)))
            .WithSummary("The open incidents, newest first (at most 200).")
            .Produces<IReadOnlyList<Incident>>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/units", async (CadUnits roster, CadResults results, CancellationToken ct) =>
                results.Json(StatusCodes.Status200OK, await roster.ListAsync(ct)))
            .WithSummary("Every unit with its status (available, dispatched, enroute, onscene), whether it is in service, and its open incident.")
            .Produces<IReadOnlyList<CadUnitView>>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        endpoints.MapCadOpenApi();
        return endpoints;
    }

    private static RouteHandlerBuilder WithUnits(this RouteHandlerBuilder builder, string summary) => builder
        .WithSummary(summary)
        .Accepts<UnitsRequest>("application/json")
        .Produces<Incident>()
        .WithPostProblems();

    private static RouteHandlerBuilder WithPostProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
