namespace BIS.Domain.Feeds;

/// <summary>The seven property data sources merged into the hazard index.</summary>
public enum FeedKind
{
    Assessing,
    BuildingPermits,
    Violations,
    HazmatPermits,
    FireIncidents,
    Hydrants,
    Inspections,
}

public static class FeedKindNames
{
    /// <summary>The stable name used in configuration, the database and URLs.</summary>
    public static string Slug(this FeedKind feed) => feed switch
    {
        FeedKind.Assessing => "assessing",
        FeedKind.BuildingPermits => "building-permits",
        FeedKind.Violations => "violations",
        FeedKind.HazmatPermits => "hazmat-permits",
        FeedKind.FireIncidents => "fire-incidents",
        FeedKind.Hydrants => "hydrants",
        FeedKind.Inspections => "inspections",
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, null),
    };

    public static bool TryParse(string? slug, out FeedKind feed)
    {
        foreach (var candidate in Enum.GetValues<FeedKind>())
        {
            if (string.Equals(candidate.Slug(), slug, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), slug, StringComparison.OrdinalIgnoreCase))
            {
                feed = candidate;
                return true;
            }
        }

        feed = default;
        return false;
    }
}
