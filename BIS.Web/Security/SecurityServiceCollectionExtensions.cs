using BIS.Web.Security.Audit;
using BIS.Web.Security.Sessions;
using BIS.Web.Security.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    private const string Scheme = "bis";

    /// <summary>
    /// Deny by default: every endpoint needs a signed-in user (cookie) or a CAD API key unless it says
    /// AllowAnonymous (sign-in and health only). API requests get 401/403, never a sign-in redirect.
    /// People sign in with a local account or, when Security:Oidc is set, at the provider.
    /// </summary>
    public static IServiceCollection AddBisSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        var idle = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.SessionIdle ?? new SecurityOptions().SessionIdle;
        var oidc = OidcAuthentication.IsConfigured(configuration);

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) ? ApiKeyAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/signin";
                options.Cookie.Name = "bis.auth";
                options.Cookie.HttpOnly = true;
                // Back from an OpenID Connect provider the browser is still in a cross-site redirect chain
                // and would withhold a Strict cookie on the hop to the page, sending the user round again.
                options.Cookie.SameSite = oidc ? SameSiteMode.Lax : SameSiteMode.Strict;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = idle;
                options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                // Signed in but not allowed: a plain 403 (no redirect loop to sign-in, no missing page).
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return context.Request.Path.StartsWithSegments("/api")
                        ? Task.CompletedTask
                        : context.Response.WriteAsync("Your account may not open this page.", context.HttpContext.RequestAborted);
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddBisOidc(configuration);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(BisPolicies.ReadHazards, policy => policy.RequireRole(
                BisRoles.Dispatcher, BisRoles.Firefighter, BisRoles.Steward, BisRoles.Admin, BisRoles.Cad))
            .AddPolicy(BisPolicies.Dispatch, policy => policy.RequireRole(BisRoles.Dispatcher, BisRoles.Admin))
            .AddPolicy(BisPolicies.ManageFeeds, policy => policy.RequireRole(BisRoles.Steward, BisRoles.Admin));

        services.AddAntiforgery(options => options.Cookie.Name = "bis.af");
        services.TryAddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddSingleton<LocalAccounts>();
        services.AddSingleton<HazardAudit>();
        services.AddSingleton<ApiKeyDirectory>();
        services.AddHostedService<SampleAccountsSeeder>();
        services.AddHostedService<AuditLogProtectionCheck>();
        services.AddSignInProtection();
        services.AddSessionChecks();
        services.AddAccessAudit();
        return services;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
