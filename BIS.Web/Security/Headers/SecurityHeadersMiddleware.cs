using BIS.Web.Map;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.Headers;

/// <summary>
/// Puts the security headers on every answer — pages, API, static files, errors, 401/403, health — and
/// <c>Cache-Control: no-store</c> on everything but the console's static files, because pages, tiles and API
/// answers carry hazard data (Knox box and alarm details) that no browser or proxy cache may keep.
/// </summary>
/// <remarks>
/// The headers are set when the answer starts, not when the request arrives: the exception handler clears the
/// headers of a failed answer before writing its own, and antiforgery adds X-Frame-Options: SAMEORIGIN. This
/// middleware comes first in the pipeline, so its callback runs last and has the final word.
/// </remarks>
public sealed class SecurityHeadersMiddleware
{
    private const string NoStore = "no-store";

    private readonly RequestDelegate _next;
    private readonly string _contentSecurityPolicy;
    private readonly string? _strictTransportSecurity;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options, IOptions<MapOptions> map, IOptions<OidcOptions> oidc, IHostEnvironment environment)
    {
        _next = next;
        _contentSecurityPolicy = ContentSecurityPolicy.Build(map.Value.BaseTileUrl, oidc.Value.Authority);
        var hsts = options.Value;
        // A developer's https://localhost pinned to HTTPS for a year would break every other local project.
        _strictTransportSecurity = hsts.HstsMaxAge > TimeSpan.Zero && !environment.IsDevelopment()
            ? $"max-age={(long)hsts.HstsMaxAge.TotalSeconds}{(hsts.HstsIncludeSubDomains ? "; includeSubDomains" : "")}"
            : null;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, context) = ((SecurityHeadersMiddleware, HttpContext))state;
            self.Apply(context);
            return Task.CompletedTask;
        }, (this, context));
        return _next(context);
    }

    private void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _contentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        // The origin only, never the path: a URL may hold an address or an incident number. Tile servers
        // (OpenStreetMap's among them) refuse requests that carry no Referer at all.
        headers["Referrer-Policy"] = "strict-origin";
        headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (_strictTransportSecurity is not null && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = _strictTransportSecurity;
        }

        // Static files keep the caching MapStaticAssets gives them (fingerprinted: immutable); nothing else is kept.
        if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
        {
            headers.CacheControl = NoStore;
        }
    }
}
