using BIS.Domain.Feeds;

namespace BIS.Ingest.Pipeline;

public static class FeedLoadOrder
{
    /// <summary>
    /// The order a full load runs in: assessing first, because every other feed links to its
    /// buildings; hydrants next, so water-supply flags are right on the first pass.
    /// </summary>
    public static readonly IReadOnlyList<FeedKind> All =
    [
        FeedKind.Assessing, FeedKind.Hydrants, FeedKind.BuildingPermits, FeedKind.Violations,
        FeedKind.HazmatPermits, FeedKind.FireIncidents, FeedKind.Inspections,
    ];
}
