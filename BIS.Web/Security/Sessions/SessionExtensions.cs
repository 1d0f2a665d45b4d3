using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.Sessions;

public static class SessionExtensions
{
    /// <summary>
    /// Sessions: absolute lifetime and account re-checks on cookies and consoles, Secure cookies, and the
    /// forwarded headers of a TLS-terminating proxy (Security:ForwardedHeaders).
    /// </summary>
    public static IServiceCollection AddSessionChecks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<SessionCookieEvents>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountStateProvider>();

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionCookieEvents, IOptions<SecurityOptions>>((cookie, events, security) =>
            {
                cookie.Cookie.SecurePolicy = SecurePolicy(security.Value);
                cookie.Events.OnSigningIn = events.SigningInAsync;
                cookie.Events.OnValidatePrincipal = events.ValidatePrincipalAsync;
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<SecurityOptions>>((antiforgery, security) => antiforgery.Cookie.SecurePolicy = SecurePolicy(security.Value));

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            var proxy = security.Value.ForwardedHeaders;
            // Not X-Forwarded-Host: BIS builds no absolute URL from the host, and a forged one could only mislead.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.ForwardLimit;
            // Loopback stays trusted (a proxy on the same machine); the configured ones are added to it.
            foreach (var address in proxy.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline when Security:ForwardedHeaders:Enabled: the client's address and the https
    /// scheme come from a trusted proxy's headers, so audit rows name the client and cookies are Secure.
    /// </summary>
    public static IApplicationBuilder UseBisForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.ForwardedHeaders.Enabled
            ? app.UseForwardedHeaders()
            : app;

    /// <summary>Secure whenever the request is https (forwarded or not); always, when Security:SecureCookiesOnly says so.</summary>
    private static CookieSecurePolicy SecurePolicy(SecurityOptions options) =>
        options.SecureCookiesOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
