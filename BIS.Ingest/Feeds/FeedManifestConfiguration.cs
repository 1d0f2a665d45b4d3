using System.Globalization;
using BIS.Ingest.SampleCity;
using Microsoft.Extensions.Configuration;

namespace BIS.Ingest.Feeds;

public static class FeedManifestConfiguration
{
    public const string ManifestPathKey = "Feeds:ManifestPath";

    /// <summary>
    /// When Feeds:ManifestPath names a generated city's feeds.json, its files and source names become
    /// the Feeds:Sources entries (cron and SLA still come from configuration). This is how the sample
    /// city and the benchmark cities are plugged in; a real deployment lists its files directly.
    /// </summary>
    public static IConfigurationBuilder AddFeedManifest(this IConfigurationManager configuration, string contentRoot)
    {
        var path = configuration[ManifestPathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return configuration;
        }

        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
        if (!File.Exists(full))
        {
            // Not generated yet (first start): feeds then refuse their runs with "file does not exist".
            return configuration;
        }

        configuration.AddInMemoryCollection(SettingsOf(FeedFileSet.Load(full)));
        return configuration;
    }

    /// <summary>The Feeds:Sources entries that point every feed of <paramref name="set"/> at its files.</summary>
    public static Dictionary<string, string?> SettingsOf(FeedFileSet set)
    {
        var values = new Dictionary<string, string?>();
        foreach (var feed in set.Feeds)
        {
            var prefix = $"{FeedsOptions.Section}:Sources:{feed.Slug}";
            values[$"{prefix}:SourceName"] = feed.SourceName;
            for (var i = 0; i < feed.Files.Count; i++)
            {
                values[$"{prefix}:Files:{i.ToString(CultureInfo.InvariantCulture)}:Role"] = feed.Files[i].Role;
                values[$"{prefix}:Files:{i.ToString(CultureInfo.InvariantCulture)}:Location"] = feed.Files[i].Path;
            }
        }

        return values;
    }
}
