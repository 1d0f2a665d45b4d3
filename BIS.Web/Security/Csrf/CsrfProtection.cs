using Microsoft.AspNetCore.Antiforgery;

namespace BIS.Web.Security.Csrf;

/// <summary>
/// Antiforgery for cookie-authenticated state-changing calls (<see cref="CookieAntiforgeryMiddleware"/>), and
/// where a page's script gets the token: <c>GET /api/antiforgery</c> answers
/// <c>{"headerName":"X-CSRF-TOKEN","token":"…"}</c> (and sets the matching antiforgery cookie); the script sends the
/// token in that header on every POST, PUT, PATCH and DELETE. Server-rendered forms carry it as a hidden field.
/// </summary>
public static class CsrfProtection
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string TokenPath = "/api/antiforgery";

    public static IServiceCollection AddBisCsrfProtection(this IServiceCollection services)
    {
        services.AddAntiforgery();
        return services.Configure<AntiforgeryOptions>(options =>
        {
            options.HeaderName = HeaderName;
            // X-Frame-Options is set for every answer (DENY) by the security headers; antiforgery's SAMEORIGIN would contradict it.
            options.SuppressXFrameOptionsHeader = true;
        });
    }

    /// <summary>After authentication and authorization: it needs to know who called and how.</summary>
    public static IApplicationBuilder UseBisCsrfProtection(this IApplicationBuilder app) => app.UseMiddleware<CookieAntiforgeryMiddleware>();

    /// <summary>Any signed-in user; the token is bound to that user and to the antiforgery cookie set with it.</summary>
    public static IEndpointRouteBuilder MapCsrfToken(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TokenPath, (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
        });
        return endpoints;
    }
}
