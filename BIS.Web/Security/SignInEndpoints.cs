using System.Net;
using BIS.Web.Security.Audit;
using BIS.Web.Security.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security;

/// <summary>
/// Cookie sign-in with a local account, or at the OpenID Connect provider when one is configured. The
/// page is deliberately plain server-rendered HTML; every value echoed into it is HTML-encoded and the
/// return URL must be local. A password POST is limited per client address before it reaches the
/// endpoint, then per name, by lockout and by how many hashes run at once (<see cref="PasswordSignIn"/>).
/// </summary>
public static class SignInEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/account/signin", (HttpContext context, IAntiforgery antiforgery, IOptions<OidcOptions> oidc, IOptions<SecurityOptions> security, string? returnUrl, string? error, string? signedOut) =>
        {
            var provider = oidc.Value;
            var failure = error switch
            {
                null => null,
                "provider" => $"Sign-in with {provider.ProviderName} did not complete.",
                "locked" => $"Too many failed sign-ins: this account is locked for {Minutes(security.Value.SignIn.LockoutFor)}. "
                    + "Try again later, or ask an administrator to unlock it.",
                "expired" => "Your session has ended: sign in again.",
                _ => "Sign-in failed: check the user name and password.",
            };
            if (provider.Enabled && !provider.KeepLocalAccounts)
            {
                // Straight on to the provider, unless that would undo a sign-out or repeat a failure.
                return failure is null && signedOut is null
                    ? ChallengeProvider(returnUrl)
                    : Results.Content(SignInPage.RenderProviderOnly(LocalOrRoot(returnUrl), provider.ProviderName, failure), Html);
            }

            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Content(SignInPage.Render(tokens, LocalOrRoot(returnUrl), failure, provider.Enabled ? provider.ProviderName : null), Html);
        }).AllowAnonymous();

        endpoints.MapGet(SignInPage.StyleSheetPath, () => Results.Text(SignInPage.StyleSheet, "text/css; charset=utf-8")).AllowAnonymous();

        // The "Sign in with …" link beside the password form; no such route without a provider.
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<OidcOptions>>().Value.Enabled)
        {
            endpoints.MapGet("/account/signin/oidc", (string? returnUrl) => ChallengeProvider(returnUrl)).AllowAnonymous();
        }

        endpoints.MapPost("/account/signin", async (HttpContext context, PasswordSignIn signIn, IAntiforgery antiforgery, IOptions<OidcOptions> oidc, CancellationToken ct) =>
        {
            if (oidc.Value.Enabled && !oidc.Value.KeepLocalAccounts)
            {
                return Results.Problem($"Local accounts are switched off: sign in with {oidc.Value.ProviderName} at /account/signin.", statusCode: 403);
            }

            if (!await IsGenuineFormAsync(antiforgery, context))
            {
                return Results.Problem("The sign-in form expired or did not come from this site; reload it and try again.", statusCode: 400);
            }

            var form = await context.Request.ReadFormAsync(ct);
            var returnUrl = LocalOrRoot(form["returnUrl"]);
            var attempt = await signIn.AttemptAsync(form["username"].ToString(), form["password"].ToString(), ClientOrigin.Of(context), ct);
            switch (attempt.Result)
            {
                case SignInResult.SignedIn:
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                        LocalAccounts.PrincipalOf(attempt.User!, CookieAuthenticationDefaults.AuthenticationScheme));
                    return Results.LocalRedirect(returnUrl);
                case SignInResult.Throttled:
                    await SignInResponses.TooManyAsync(context, "Too many sign-in attempts for this account just now: wait a minute, then try again.", returnUrl);
                    return Results.Empty;
                default:
                    var error = attempt.Result == SignInResult.Locked ? "locked" : "1";
                    return Results.Redirect($"/account/signin?error={error}&returnUrl={WebUtility.UrlEncode(returnUrl)}");
            }
        }).AllowAnonymous().RequireRateLimiting(SignInThrottle.PerAddressPolicy);

        // Dispatchers land on the console, stewards on the feed board, a firefighter of a unit on the tablet view;
        // roles whose views come later see who they are and a way out.
        endpoints.MapGet("/", (HttpContext context, IAntiforgery antiforgery) =>
            context.User.IsInRole(BisRoles.Dispatcher) || context.User.IsInRole(BisRoles.Admin) ? Results.LocalRedirect("/dispatch")
            : context.User.IsInRole(BisRoles.Steward) ? Results.LocalRedirect("/steward")
            : context.User.IsInRole(BisRoles.Firefighter) && context.User.HasClaim(c => c.Type == BisRoles.UnitClaim && c.Value.Length > 0) ? Results.LocalRedirect("/unit/")
            : Results.Content(SignInPage.RenderSignedIn(antiforgery.GetAndStoreTokens(context), context.User), Html));

        endpoints.MapPost("/account/signout", async (HttpContext context, IAntiforgery antiforgery, IOptions<OidcOptions> oidc, AccessAudit audit) =>
        {
            if (!await IsGenuineFormAsync(antiforgery, context))
            {
                return Results.Problem("Sign out from the application's own page.", statusCode: 400);
            }

            await audit.RecordAsync(AccessActions.SignOut, context.User, ClientOrigin.Of(context), null, context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!oidc.Value.Enabled)
            {
                return Results.LocalRedirect("/account/signin");
            }

            // Also end the provider's session where it offers that, or the next sign-in would be silent.
            const string signedOut = "/account/signin?signedOut=1";
            return await OidcAuthentication.ProviderEndsSessionsAsync(context)
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = signedOut }, [OidcOptions.Scheme])
                : Results.LocalRedirect(signedOut);
        });

        return endpoints;
    }

    /// <summary>
    /// The antiforgery check, false also for a form that cannot be read at all: ASP.NET refuses a form value
    /// holding a NUL by throwing, and a page of ours never posts one.
    /// </summary>
    private static async Task<bool> IsGenuineFormAsync(IAntiforgery antiforgery, HttpContext context)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static IResult ChallengeProvider(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [OidcOptions.Scheme]);

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 2 ? $"{Math.Round(span.TotalMinutes)} minutes" : $"{Math.Round(span.TotalSeconds)} seconds";

    private static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
