using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BIS.Web.Security;

/// <summary>
/// Sign-in at an OpenID Connect provider (Security:Oidc), ending in the same cookie a local account
/// gets. Registered only when an authority is configured; the options are validated either way.
/// </summary>
public static class OidcAuthentication
{
    public static AuthenticationBuilder AddBisOidc(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        builder.Services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        builder.Services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section)).ValidateOnStart();
        if (!IsConfigured(configuration))
        {
            return builder;
        }

        builder.AddOpenIdConnect(OidcOptions.Scheme, options => { });
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcOptions.Scheme).Configure<IOptions<OidcOptions>>((options, bis) => Configure(options, bis.Value));
        return builder;
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(OidcOptions.Section)[nameof(OidcOptions.Authority)]);

    private static void Configure(OpenIdConnectOptions options, OidcOptions bis)
    {
        options.Authority = bis.Authority;
        options.ClientId = bis.ClientId;
        options.ClientSecret = bis.ClientSecret;
        options.RequireHttpsMetadata = bis.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back on a top-level GET, which Lax cookies survive; form_post would need
        // SameSite=None correlation cookies, which browsers drop on plain http.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        // The provider's tokens are not needed after sign-in and would only make the cookie a bearer of them.
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        // Keep the token's own claim names so NameClaim and RoleClaim mean what the provider documents.
        options.MapInboundClaims = false;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Scope.Clear();
        foreach (var scope in bis.ScopeList)
        {
            options.Scope.Add(scope);
        }

        // Same policy as the sign-in cookie: Secure whenever the request is https.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        options.Events.OnTokenValidated = context =>
        {
            context.Principal = OidcUserMapping.BisPrincipalOf(context.Principal!, bis, context.Scheme.Name);
            return Task.CompletedTask;
        };
        // Cancelled or refused at the provider: say so on our page instead of an exception page.
        options.Events.OnRemoteFailure = context =>
        {
            context.HandleResponse();
            context.Response.Redirect("/account/signin?error=provider");
            return Task.CompletedTask;
        };
        // Without a saved id_token there is no id_token_hint; client_id lets the provider still accept
        // the post-logout redirect (RP-Initiated Logout 1.0).
        options.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            context.ProtocolMessage.ClientId = bis.ClientId;
            return Task.CompletedTask;
        };
    }

    /// <summary>Whether the provider advertises an end-session endpoint we can send a signing-out user to.</summary>
    public static async Task<bool> ProviderEndsSessionsAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcOptions.Scheme);
        try
        {
            var metadata = await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
            return !string.IsNullOrEmpty(metadata.EndSessionEndpoint);
        }
        catch (InvalidOperationException)
        {
            // Provider unreachable: the local sign-out has happened, which is what matters here.
            return false;
        }
    }
}
