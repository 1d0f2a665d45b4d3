using BIS.Web.Security.Audit;

namespace BIS.Web.Units;

/// <summary>
/// Who may open the unit hub: a paired tablet's token, or a firefighter signed in with a unit. Anonymous
/// gets 401 (not audited: anyone could fill the log), anyone else signed in 403 and an audit row. A cookie
/// connection must come from a BIS page (same origin): a WebSocket is not covered by CORS, and another site's
/// script could otherwise ride a firefighter's cookie. A device token is not sent by browsers on their own,
/// so its connections are not bound to an origin.
/// </summary>
public sealed class UnitHubGate(RequestDelegate next, AccessAudit audit, ILogger<UnitHubGate> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var refusal = UnitHub.UnitOf(user) is null
            ? "not a unit"
            : UnitDeviceAuthentication.DeviceIdOf(user) is null && !SameOrigin(context) ? "cross-origin cookie" : null;
        if (refusal is not null)
        {
            var what = $"{context.Request.Method} {UnitHub.Path} ({refusal})";
            logger.LogWarning("Unit hub refused {User}: {Reason}", user.Identity?.Name, refusal);
            await audit.RecordAsync(AccessActions.Forbidden, user, ClientOrigin.Of(context), what, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    }

    /// <summary>No Origin header: not a browser's cross-site request (browsers send it on WebSockets and on cross-origin fetches).</summary>
    private static bool SameOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length == 0
            || string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
