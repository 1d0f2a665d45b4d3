using BIS.Web.Components;
using BIS.Web.Map;
using BIS.Web.UnitView;

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
    /// covers them, so even the scripts are served only to a signed-in user; the one exception is the tablet
    /// view's shell (UnitView), which holds no data and must load before a tablet can show its device token.
    /// </summary>
    public static IEndpointRouteBuilder MapDispatchConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets().AllowAnonymousUnitShell();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return endpoints;
    }
}
