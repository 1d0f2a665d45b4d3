using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace BIS.Ingest.Feeds;

public static class BisDefaultsConfiguration
{
    public const string FileName = "bis.defaults.json";

    /// <summary>
    /// Adds bis.defaults.json (database, ingest and feed schedule defaults shared by BIS.Web and the
    /// BIS.Ingest worker) beneath every other source, so appsettings, environment and command line
    /// override it; then the generated city's manifest, if one is configured.
    /// </summary>
    public static IConfigurationManager AddBisDefaults(this IConfigurationManager configuration, string contentRoot)
    {
        var source = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, FileName), Optional = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
        configuration.AddFeedManifest(contentRoot);
        return configuration;
    }
}
