using System.Globalization;
using System.Security.Claims;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using Npgsql;

namespace BIS.Web.Units;

/// <summary>
/// A crew (a firefighter account or a unit's tablet) may open a building's summary only while its unit is on an
/// open incident at that building; anything else is 403 and an audit row. Dispatchers, admins and CAD read any
/// building, as before. Put on the building-summary endpoint, whose route value <c>id</c> is the building.
/// </summary>
public sealed class CrewBuildingAccess(NpgsqlDataSource dataSource, AccessAudit audit, ILogger<CrewBuildingAccess> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsCrewOnly(http.User)
            || (long.TryParse(http.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var buildingId)
                && UnitHub.UnitOf(http.User) is { } unit && await IsOnAsync(unit, buildingId, http.RequestAborted)))
        {
            return await next(context);
        }

        var what = $"{http.Request.Method} {http.Request.Path} (not an open incident of this unit)";
        what = what[..Math.Min(what.Length, 512)];
        logger.LogWarning("Refused {User} building {Request}", http.User.Identity?.Name, what);
        await audit.RecordAsync(AccessActions.Forbidden, http.User, ClientOrigin.Of(http), what, http.RequestAborted);
        return Results.Problem("A unit may open the summary of a building only while it is assigned to an open incident there.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static bool IsCrewOnly(ClaimsPrincipal user) =>
        user.IsInRole(BisRoles.Firefighter) && !user.IsInRole(BisRoles.Dispatcher) && !user.IsInRole(BisRoles.Admin) && !user.IsInRole(BisRoles.Cad);

    private async Task<bool> IsOnAsync(string unitId, long buildingId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT EXISTS (SELECT FROM incident i JOIN incident_unit iu USING (incident_id)
                           WHERE i.status = 'open' AND i.building_id = @building AND iu.unit_id = @unit)
            """);
        command.Parameters.AddWithValue("building", buildingId);
        command.Parameters.AddWithValue("unit", unitId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
