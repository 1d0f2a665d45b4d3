using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.StaticAssets;

namespace BIS.Web.UnitView;

/// <summary>
/// The tablet view (/unit/): a static page, not a Blazor circuit, because a circuit dies in a dead zone. Its shell is
/// served without authentication: it holds no data, and a tablet that has only a device token has no cookie to show.
/// Everything it displays comes over /hubs/units with the device token or the firefighter's cookie.
/// </summary>
public static class UnitViewExtensions
{
    public const string Path = "/unit/";

    /// <summary>The files the tablet needs before it can authenticate: its own page and scripts, SignalR and Leaflet.</summary>
    private static readonly string[] ShellPrefixes = ["unit/", "lib/signalr/", "lib/leaflet/", "favicon"];

    /// <summary>
    /// The page itself at /unit/ (the service worker's scope is the folder, so the page must be inside it) and /unit
    /// sent there.
    /// </summary>
    public static IEndpointRouteBuilder MapUnitView(this IEndpointRouteBuilder endpoints)
    {
        // Routing ignores a trailing slash, so /unit and /unit/ are one endpoint: the page is answered at /unit/ only.
        endpoints.MapGet("/unit", (HttpContext context, IWebHostEnvironment environment) =>
        {
            if (!context.Request.Path.Value!.EndsWith('/'))
            {
                return Results.LocalRedirect(Path);
            }

            var page = environment.WebRootFileProvider.GetFileInfo("unit/index.html");
            return page.Exists
                ? Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8")
                : Results.Problem("The tablet view is not installed with this build.", statusCode: StatusCodes.Status404NotFound);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Lets anyone fetch the tablet shell's static files; every other static file stays behind the fallback policy.</summary>
    public static StaticAssetsEndpointConventionBuilder AllowAnonymousUnitShell(this StaticAssetsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault() is { } asset
                && ShellPrefixes.Any(prefix => asset.Route.StartsWith(prefix, StringComparison.Ordinal)))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        return builder;
    }
}
