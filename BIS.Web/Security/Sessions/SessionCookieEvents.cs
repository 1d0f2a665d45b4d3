using BIS.Web.Security.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BIS.Web.Security.Sessions;

/// <summary>
/// The sign-in cookie's events: at sign-in (local or OpenID Connect) the time is stamped into the
/// principal and the sign-in audited; on each request the session is checked by <see cref="SessionValidator"/>
/// and ended (the cookie deleted: the page sends the user to sign in, the API answers 401) or brought up
/// to date with the account's new role.
/// </summary>
public sealed class SessionCookieEvents(SessionValidator validator, AccessAudit audit, ILogger<SessionCookieEvents> logger)
{
    public async Task SigningInAsync(CookieSigningInContext context)
    {
        validator.Stamp(context.Principal!);
        var how = context.Principal!.HasClaim(c => c.Type == LocalAccounts.AccountClaim) ? "local account" : "identity provider";
        await audit.RecordAsync(AccessActions.SignIn, context.Principal!, ClientOrigin.Of(context.HttpContext), how, context.HttpContext.RequestAborted);
    }

    public async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var check = await validator.CheckAsync(context.Principal!, fresh: false, context.HttpContext.RequestAborted);
        switch (check.State)
        {
            case SessionState.Ended:
                logger.LogInformation("Session of {User} ended: {Reason}", context.Principal!.Identity?.Name, check.Reason);
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                break;
            case SessionState.Changed:
                logger.LogInformation("Session of {User} now carries the account's current role and unit", context.Principal!.Identity?.Name);
                context.ReplacePrincipal(check.Current!);
                context.ShouldRenew = true;
                break;
        }
    }
}
