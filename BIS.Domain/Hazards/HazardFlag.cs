using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards;

/// <summary>
/// One thing a crew should know about a building. Always explainable: it names the feed, the
/// source's own record id and the as-of date of the data it came from.
/// </summary>
public sealed record HazardFlag
{
    /// <summary>Stable machine kind, e.g. "hazmat", "vacant", "demolition", "high-rise".</summary>
    public required string Kind { get; init; }
    public required Severity Severity { get; init; }
    public required string Title { get; init; }
    public required string Detail { get; init; }
    public required FeedKind Feed { get; init; }
    /// <summary>Human name of the source, e.g. "Boston ISD violations" or "BFD hazmat permits (synthetic)".</summary>
    public required string SourceName { get; init; }
    public required string SourceRecordId { get; init; }
    public DateTimeOffset? AsOf { get; init; }
}
