using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class VacantMarkingTests
{
    private static SourceFact<InspectionRecord> Plan(string id, string? marking, DateOnly inspected) =>
        Fact(new InspectionRecord { PlanId = id, VacantMarking = marking, InspectedOn = inspected }, id, "BFD pre-incident plans");

    [Fact]
    public void X_marking_is_critical()
    {
        var flag = Assert.Single(Assess(Facts() with { Inspections = [Plan("P-1", "X", Today.AddMonths(-2))] }).Flags);
        Assert.Equal((HazardKinds.Vacant, Severity.Critical, FeedKind.Inspections, "P-1"), (flag.Kind, flag.Severity, flag.Feed, flag.SourceRecordId));
        Assert.Contains("exterior operations only", flag.Title);
    }

    [Fact]
    public void Slash_marking_is_high() =>
        Assert.Equal(Severity.High, Assert.Single(Assess(Facts() with { Inspections = [Plan("P-2", "/", Today)] }).Flags).Severity);

    [Fact]
    public void Newer_plan_without_marking_clears_an_older_X()
    {
        var facts = Facts() with { Inspections = [Plan("P-old", "X", Today.AddYears(-3)), Plan("P-new", "", Today.AddMonths(-1))] };
        Assert.Empty(Assess(facts).Flags);
    }

    [Fact]
    public void Plan_that_says_nothing_about_marking_does_not_clear_it()
    {
        var facts = Facts() with { Inspections = [Plan("P-old", "X", Today.AddYears(-3)), Plan("P-new", null, Today.AddMonths(-1))] };
        Assert.Equal("P-old", Assert.Single(Assess(facts).Flags).SourceRecordId);
    }
}
