using BIS.Domain.Feeds;

namespace BIS.Ingest.Pipeline;

public static class FeedLoadOrder
{
    private static readonly FeedKind[] Order =
    [
        FeedKind.Assessing, FeedKind.Hydrants, FeedKind.BuildingPermits, FeedKind.Violations,
        FeedKind.HazmatPermits, FeedKind.FireIncidents, FeedKind.Inspections,
    ];

    /// <summary>
    /// The order a full load runs in: assessing first, because every other feed links to its
    /// buildings; hydrants next, so water-supply flags are right on the first pass.
    /// </summary>
    public static IReadOnlyList<FeedKind> All => Order;

    /// <summary>A feed's place in <see cref="All"/>.</summary>
    public static int IndexOf(FeedKind feed) => Array.IndexOf(Order, feed);
}
