using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BIS.Web.Security.Audit;

/// <summary>
/// Every 403 the authorization middleware gives (a cookie or a CAD key that may not open the endpoint)
/// is audited before the usual answer: who, which method and path, from where. A 401 is not: that is an
/// anonymous request, and writing a row for each would let anyone fill the log.
/// </summary>
public sealed class ForbiddenAudit(AccessAudit audit, ILogger<ForbiddenAudit> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var origin = ClientOrigin.Of(context);
            var what = $"{context.Request.Method} {context.Request.Path}";
            what = what[..Math.Min(what.Length, 512)];
            logger.LogWarning("403 for {User} ({Roles}) on {Request} from {Address}", context.User.Identity?.Name, AccessAudit.RolesOf(context.User), what, origin);
            await audit.RecordAsync(AccessActions.Forbidden, context.User, origin, what, context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
