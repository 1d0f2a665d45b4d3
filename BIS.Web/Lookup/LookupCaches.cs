using BIS.Ingest.Freshness;
using Microsoft.Extensions.Options;

namespace BIS.Web.Lookup;

/// <summary>
/// The lookup answers this web node keeps in memory. CAD, the console and every tablet en route open
/// the same few buildings within seconds of an alarm, so most reads repeat. The change listener
/// empties them all before it tells the consoles, so a card refreshing on a notice reads the new data.
/// </summary>
public sealed class LookupCaches : IDisposable
{
    public LookupCaches(IOptions<LookupCacheOptions> options)
    {
        var o = options.Value;
        var lifetime = TimeSpan.FromSeconds(o.Seconds);
        Summaries = new(o.Summaries, lifetime);
        Searches = new(o.Searches, lifetime);
        Tiles = new(o.TileMegabytes * 1024L * 1024L, lifetime, tile => tile.Length + 64);
        Freshness = new(o.Seconds > 0 ? 1 : 0, TimeSpan.FromSeconds(o.FreshnessSeconds));
    }

    public LookupCache<long, BuildingSummary> Summaries { get; }

    public LookupCache<string, IReadOnlyList<BuildingCandidate>> Searches { get; }

    public LookupCache<(int Z, int X, int Y), byte[]> Tiles { get; }

    public LookupCache<string, IReadOnlyDictionary<string, FeedFreshnessEntry>> Freshness { get; }

    /// <summary>A feed run committed (or notices may have been missed): nothing kept may be served again.</summary>
    public void InvalidateAll()
    {
        Summaries.Clear();
        Searches.Clear();
        Tiles.Clear();
        Freshness.Clear();
    }

    public void Dispose()
    {
        Summaries.Dispose();
        Searches.Dispose();
        Tiles.Dispose();
        Freshness.Dispose();
    }
}
