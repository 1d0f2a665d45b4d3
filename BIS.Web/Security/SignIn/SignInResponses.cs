using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.SignIn;

/// <summary>The sign-in form again, with why the attempt was not made, as a 429 a person can read.</summary>
public static class SignInResponses
{
    /// <summary>Writes the 429; the body of a turned-away request is not read (that is work a flood would cause).</summary>
    public static async ValueTask TooManyAsync(HttpContext context, string message, string returnUrl = "/")
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var provider = context.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = "60";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(SignInPage.Render(tokens, returnUrl, message, provider.Enabled ? provider.ProviderName : null), context.RequestAborted);
    }
}
