using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BIS.Web.Security;

/// <summary>
/// Cookie sign-in with a local account. The page is deliberately plain server-rendered HTML; every
/// value echoed into it is HTML-encoded and the return URL must be local.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/account/signin", (HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Content(SignInPage.Render(tokens, LocalOrRoot(returnUrl), error is not null), "text/html; charset=utf-8");
        }).AllowAnonymous();

        endpoints.MapPost("/account/signin", async (HttpContext context, LocalAccounts accounts, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem("The sign-in form expired or did not come from this site; reload it and try again.", statusCode: 400);
            }

            var form = await context.Request.ReadFormAsync(ct);
            var returnUrl = LocalOrRoot(form["returnUrl"]);
            var username = form["username"].ToString();
            var password = form["password"].ToString();
            if (username.Length is 0 or > 64 || password.Length is 0 or > 256
                || await accounts.VerifyAsync(username, password, ct) is not { } user)
            {
                return Results.Redirect($"/account/signin?error=1&returnUrl={WebUtility.UrlEncode(returnUrl)}");
            }

            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                LocalAccounts.PrincipalOf(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.LocalRedirect(returnUrl);
        }).AllowAnonymous();

        // Dispatchers land on the console; roles whose views come later see who they are and a way out.
        endpoints.MapGet("/", (HttpContext context, IAntiforgery antiforgery) =>
            context.User.IsInRole(BisRoles.Dispatcher) || context.User.IsInRole(BisRoles.Admin)
                ? Results.LocalRedirect("/dispatch")
                : Results.Content(SignInPage.RenderSignedIn(antiforgery.GetAndStoreTokens(context), context.User), "text/html; charset=utf-8"));

        endpoints.MapPost("/account/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem("Sign out from the application's own page.", statusCode: 400);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/signin");
        });

        return endpoints;
    }

    private static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
