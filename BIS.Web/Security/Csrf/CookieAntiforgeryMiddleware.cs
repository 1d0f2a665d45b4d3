using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;

namespace BIS.Web.Security.Csrf;

/// <summary>
/// A state-changing call (POST, PUT, PATCH, DELETE) to any minimal-API endpoint, made with the sign-in cookie, must
/// carry the antiforgery token: a browser sends the cookie along with a forged cross-site form or fetch too, and
/// SameSite is only a second line. A call authenticated by an API key (CAD) needs none: no browser adds that
/// header to a cross-site request on its own.
/// </summary>
/// <remarks>
/// Blazor and SignalR endpoints are not minimal-API handlers and keep their own protection: the console's
/// circuit acts through its WebSocket (a circuit id is a secret), and Blazor validates its own form posts.
/// An endpoint that must take cookie posts without a token says so with <c>DisableAntiforgery()</c>.
/// </remarks>
public sealed class CookieAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context) && !await HasValidTokenAsync(context))
        {
            await Results.Problem(
                $"This request needs the antiforgery token of a BIS page: send it in the {CsrfProtection.HeaderName} header (GET {CsrfProtection.TokenPath} gives one) or as the form field of the page.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        IsStateChanging(context.Request.Method)
        && context.GetEndpoint() is { } endpoint
        && IsMinimalApi(endpoint)
        && endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false }
        && IsSignedInWithCookie(context.User);

    private static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>MapPost/MapPut/MapDelete/MapPatch/MapMethods with a handler delegate: routing records its method.</summary>
    public static bool IsMinimalApi(Endpoint endpoint) => endpoint.Metadata.GetMetadata<MethodInfo>() is not null;

    private static bool IsSignedInWithCookie(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identities.Any(identity => identity.IsAuthenticated && identity.AuthenticationType != ApiKeyAuthentication.SchemeName);

    /// <summary>False also for a form that cannot be read at all (ASP.NET throws on a NUL in a form value).</summary>
    private async Task<bool> HasValidTokenAsync(HttpContext context)
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
}
