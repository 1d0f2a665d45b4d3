namespace BIS.Web.Lookup;

/// <summary>
/// The "Lookup:Cache" section. Answers are dropped whenever a committed feed run changed anything
/// (its NOTIFY) or the change listener lost its connection, and after <see cref="Seconds"/> at the
/// latest, for changes made to the database by other means. 0 turns caching off.
/// </summary>
public sealed class LookupCacheOptions
{
    public const string Section = "Lookup:Cache";

    public int Seconds { get; set; } = 300;

    /// <summary>Building summaries kept (5 to 20 KB each in memory, with parcel attributes and footprint).</summary>
    public int Summaries { get; set; } = 10_000;

    /// <summary>Search answers kept, by the text as typed (case and spacing aside).</summary>
    public int Searches { get; set; } = 20_000;

    /// <summary>Megabytes of vector tiles kept.</summary>
    public int TileMegabytes { get; set; } = 64;

    /// <summary>How long the feeds' freshness (the STALE marks) is reused; the SLAs are counted in hours.</summary>
    public int FreshnessSeconds { get; set; } = 5;
}
