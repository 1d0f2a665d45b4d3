using BIS.Domain.Feeds;
using BIS.Domain.Hazards;

namespace BIS.Ingest.HazardIndex;

/// <summary>Per feed, the newest as-of date among the records the building's picture is made of.</summary>
internal static class SourceAsOf
{
    public static SortedDictionary<string, DateTimeOffset?> Of(BuildingFacts facts)
    {
        var result = new SortedDictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        void Note(FeedKind feed, IEnumerable<DateTimeOffset?> dates)
        {
            var list = dates.ToList();
            if (list.Count > 0)
            {
                result[feed.Slug()] = list.Max();
            }
        }

        Note(FeedKind.Assessing, facts.Parcel is null ? [] : [facts.Parcel.AsOf]);
        Note(FeedKind.BuildingPermits, facts.Permits.Select(p => p.AsOf));
        Note(FeedKind.Violations, facts.Violations.Select(p => p.AsOf));
        Note(FeedKind.HazmatPermits, facts.HazmatPermits.Select(p => p.AsOf));
        Note(FeedKind.FireIncidents, facts.FireIncidents.Select(p => p.AsOf));
        Note(FeedKind.Inspections, facts.Inspections.Select(p => p.AsOf));
        Note(FeedKind.Hydrants, facts.Hydrants.Select(p => p.AsOf));
        return result;
    }
}
