using BIS.Web.Components;
using BIS.Web.Map;

namespace BIS.Web.Dispatch;

public static class DispatchConsoleExtensions
{
    /// <summary>The Blazor Server console (interactive over the circuit) and its map settings.</summary>
    public static IServiceCollection AddDispatchConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddHostedService<TileSeeder>();
        return services;
    }

    /// <summary>
    /// Pages, the circuit hub and the static files behind them. None is anonymous: the fallback policy
    /// covers them, so even the scripts are served only to a signed-in user.
    /// </summary>
    public static IEndpointRouteBuilder MapDispatchConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return endpoints;
    }
}
