using BIS.Web.Map;

namespace BIS.Web.Security.Headers;

public static class SecurityHeadersExtensions
{
    public static IServiceCollection AddBisSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityHeadersOptions>()
            .Bind(configuration.GetSection(SecurityHeadersOptions.Section))
            .Validate(o => o.HstsMaxAge >= TimeSpan.Zero, $"{SecurityHeadersOptions.Section}:HstsMaxAge must be zero (off) or more.")
            .ValidateOnStart();
        services.AddOptions<MapOptions>()
            .Validate(o => HasSource(o.BaseTileUrl), $"{MapOptions.Section}:BaseTileUrl: the host must be fixed or a placeholder followed by a domain (https://{{s}}.tile.example.org/...), for the Content-Security-Policy.");
        return services;
    }

    private static bool HasSource(string? url)
    {
        try
        {
            _ = ContentSecurityPolicy.Build(url, null);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>First in the pipeline, so that errors, 401/403 and every other early answer carry the headers too.</summary>
    public static IApplicationBuilder UseBisSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();
}
