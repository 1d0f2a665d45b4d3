using System.Globalization;
using BIS.Ingest.Freshness;

namespace BIS.Ingest.Alarms;

/// <summary>A state of a feed that deserves an alarm while it lasts.</summary>
public sealed record AlarmCondition(string Feed, FeedAlarmKind Kind, string Message, long? RunId);

/// <summary>What the ledger says of a feed's runs, as the alarm rules need it.</summary>
/// <param name="LastRun">The feed's latest finished run.</param>
/// <param name="LatestGood">Its latest run that loaded rows (succeeded), and <paramref name="PreviousGood"/> the one before.</param>
public sealed record FeedRunFacts(string Feed, FinishedRunFacts? LastRun, GoodRunFacts? LatestGood, GoodRunFacts? PreviousGood);

public sealed record FinishedRunFacts(long RunId, string Status, string? Message);

public sealed record GoodRunFacts(long RunId, long Accepted, long Matched)
{
    public double MatchPercent => Accepted == 0 ? 100 : 100.0 * Matched / Accepted;
}

/// <summary>
/// The alarm rules: which conditions hold for each feed now. An alarm is raised when a condition starts
/// holding and resolved when it stops (<see cref="AlarmEvaluator"/>), so evaluating twice raises nothing twice.
/// </summary>
public static class AlarmConditions
{
    public static IReadOnlyList<AlarmCondition> Of(
        IEnumerable<FeedFreshnessEntry> freshness, IReadOnlyDictionary<string, FeedRunFacts> runs, double matchRateDropPoints)
    {
        var conditions = new List<AlarmCondition>();
        foreach (var feed in freshness)
        {
            if (feed.Stale)
            {
                conditions.Add(new(feed.Feed, FeedAlarmKind.Stale, StaleMessage(feed), null));
            }

            if (!runs.TryGetValue(feed.Feed, out var facts))
            {
                continue;
            }

            // A run refused because a steward paused the feed is the steward's own doing, not news.
            if (facts.LastRun is { Status: "refused" } refused && !feed.Paused)
            {
                conditions.Add(new(feed.Feed, FeedAlarmKind.Refused, $"Run {refused.RunId} of {feed.Feed} was refused: {refused.Message}", refused.RunId));
            }

            if (facts.LastRun is { Status: "failed" } failed)
            {
                conditions.Add(new(feed.Feed, FeedAlarmKind.Failed, $"Run {failed.RunId} of {feed.Feed} failed: {failed.Message}", failed.RunId));
            }

            if (facts is { LatestGood: { } latest, PreviousGood: { } previous } && previous.MatchPercent - latest.MatchPercent > matchRateDropPoints)
            {
                conditions.Add(new(
                    feed.Feed,
                    FeedAlarmKind.MatchRate,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Match rate of {feed.Feed} fell from {previous.MatchPercent:0.0} % (run {previous.RunId}) to {latest.MatchPercent:0.0} % (run {latest.RunId}): " +
                        $"{latest.Accepted - latest.Matched:N0} of {latest.Accepted:N0} records are linked to no building."),
                    latest.RunId));
            }
        }

        return conditions;
    }

    private static string StaleMessage(FeedFreshnessEntry feed) => feed.AgeHours is { } age
        ? string.Create(CultureInfo.InvariantCulture,
            $"{feed.Feed} is stale: its last good load is {age:0.#} h old, its SLA is {feed.SlaHours:0.#} h. Its flags are marked STALE on the dispatcher's card.")
        : $"{feed.Feed} has never loaded: its flags are unknown, not current.";
}
