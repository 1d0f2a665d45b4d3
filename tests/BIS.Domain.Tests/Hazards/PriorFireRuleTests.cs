using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class PriorFireRuleTests
{
    private static SourceFact<FireIncidentRecord> Incident(string id, DateOnly? date, string? type = "111", string? description = "Building fire") =>
        Fact(new FireIncidentRecord { IncidentId = id, AlarmDate = date, NfirsIncidentType = type, Description = description }, id, "BFD incidents");

    [Fact]
    public void Recent_fires_give_one_moderate_flag_citing_the_latest()
    {
        var facts = Facts() with
        {
            FireIncidents =
            [
                Incident("I-1", Today.AddYears(-2)),
                Incident("I-2", Today.AddMonths(-3), "113", "Cooking fire"),
                Incident("I-3", Today.AddYears(-7)),
                Incident("I-4", Today.AddMonths(-1), "745", "Alarm activation, no fire"),
                Incident("I-5", null),
            ],
        };

        var flag = Assert.Single(Assess(facts).Flags);
        Assert.Equal((HazardKinds.PriorFires, Severity.Moderate, FeedKind.FireIncidents, "I-2"), (flag.Kind, flag.Severity, flag.Feed, flag.SourceRecordId));
        Assert.Equal("2 prior fires in 5 years (latest 2025-03-01)", flag.Title);
        Assert.Contains("2025-03-01 113 Cooking fire (I-2)", flag.Detail);
        Assert.DoesNotContain("I-3", flag.Detail);
    }

    [Fact]
    public void Repeat_fires_are_high()
    {
        var facts = Facts() with { FireIncidents = [Incident("I-1", Today.AddDays(-10)), Incident("I-2", Today.AddDays(-40)), Incident("I-3", Today.AddDays(-90))] };
        Assert.Equal(Severity.High, Assert.Single(Assess(facts).Flags).Severity);
    }

    [Fact]
    public void Untyped_incidents_from_the_geocoded_extract_count() =>
        Assert.Single(Assess(Facts() with { FireIncidents = [Incident("FI-0123456789abcdef", Today.AddYears(-1), null, null)] }).Flags);

    [Fact]
    public void Old_fires_only_raise_nothing() =>
        Assert.Empty(Assess(Facts() with { FireIncidents = [Incident("I-9", Today.AddYears(-6))] }).Flags);
}
