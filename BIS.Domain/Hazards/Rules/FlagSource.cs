using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards.Rules;

/// <summary>Builds flags that cite the source record they came from.</summary>
internal static class FlagSource
{
    public static HazardFlag Cite<T>(
        this SourceFact<T> fact, FeedKind feed, string kind, Severity severity, string title, string detail) =>
        new()
        {
            Kind = kind,
            Severity = severity,
            Title = title,
            Detail = detail,
            Feed = feed,
            SourceName = fact.SourceName,
            SourceRecordId = fact.SourceRecordId,
            AsOf = fact.AsOf,
        };

    public static DateOnly Today(this BuildingFacts facts) => DateOnly.FromDateTime(facts.Now.DateTime);
}
