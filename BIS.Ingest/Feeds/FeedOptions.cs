using System.ComponentModel.DataAnnotations;

namespace BIS.Ingest.Feeds;

/// <summary>The "Feeds" configuration section: one entry per feed slug ("violations", "hydrants", …).</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    /// <summary>Directory that relative file locations are resolved against; made absolute at start-up (default: the content root).</summary>
    public string? BaseDirectory { get; set; }

    public Dictionary<string, FeedSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class FeedSourceOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expression for scheduled runs (seconds first), e.g. "0 0 2 * * ?".</summary>
    [Required]
    public string Cron { get; set; } = "0 0 3 * * ?";

    /// <summary>How old the last successful load may get before the feed, and its flags, are stale.</summary>
    [Range(0.1, 24 * 366)]
    public double SlaHours { get; set; } = 24;

    /// <summary>
    /// Whether the feed being stale is an outage for the city's monitoring (<c>/health/feeds</c> answers 503). It never
    /// takes a node out of a load balancer: <c>/health/ready</c> does not look at feeds.
    /// </summary>
    public bool Critical { get; set; }

    /// <summary>Name shown on every flag from this feed; synthetic data says so here. Defaults to the feed's name.</summary>
    public string SourceName { get; set; } = string.Empty;

    /// <summary>The inputs; a feed with none refuses its runs (say, before the sample city is generated).</summary>
    public List<FeedFileOptions> Files { get; set; } = [];

    /// <summary>Refuse a run whose accepted rows fall by more than this share against the last good run.</summary>
    [Range(0.0, 1.0)]
    public double MaxRowDropShare { get; set; } = 0.5;

    /// <summary>Refuse a run that would delete more than this share of the feed's live records (a cut export).</summary>
    [Range(0.0, 1.0)]
    public double MaxDeleteShare { get; set; } = 0.05;

    /// <summary>Deletions a run may always make, whatever the share: a small feed must be able to lose a closed case.</summary>
    [Range(0, int.MaxValue)]
    public int DeletionGrace { get; set; } = 3;
}

public sealed class FeedFileOptions
{
    [Required]
    public string Role { get; set; } = string.Empty;

    /// <summary>A file path (absolute or relative to the base directory) or an http(s) URL.</summary>
    [Required]
    public string Location { get; set; } = string.Empty;

    /// <summary>The response is a page of {"items": [...], "next": url}; follow "next" until null.</summary>
    public bool Paged { get; set; }
}
