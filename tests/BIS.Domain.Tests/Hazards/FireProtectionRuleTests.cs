using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class FireProtectionRuleTests
{
    private static HazardAssessment AssessPlan(InspectionRecord plan) =>
        Assess(Facts() with { Inspections = [Fact(plan, plan.PlanId, "BFD pre-incident plans")] });

    [Theory]
    [InlineData(SprinklerCoverage.None, HazardKinds.NoSprinkler, Severity.Moderate)]
    [InlineData(SprinklerCoverage.Partial, HazardKinds.PartialSprinkler, Severity.Info)]
    public void Sprinkler_coverage(SprinklerCoverage coverage, string kind, Severity severity)
    {
        var flag = Assert.Single(AssessPlan(new InspectionRecord { PlanId = "P-1", Sprinkler = coverage }).Flags);
        Assert.Equal((kind, severity), (flag.Kind, flag.Severity));
    }

    [Theory]
    [InlineData(SprinklerCoverage.Full)]
    [InlineData(SprinklerCoverage.Unknown)]
    public void Full_or_unknown_sprinkler_raises_nothing(SprinklerCoverage coverage) =>
        Assert.Empty(AssessPlan(new InspectionRecord { PlanId = "P-2", Sprinkler = coverage }).Flags);

    [Fact]
    public void Unknown_on_a_newer_plan_keeps_the_older_known_coverage()
    {
        var facts = Facts() with
        {
            Inspections =
            [
                Fact(new InspectionRecord { PlanId = "P-old", Sprinkler = SprinklerCoverage.None, InspectedOn = Today.AddYears(-1) }, "P-old"),
                Fact(new InspectionRecord { PlanId = "P-new", Sprinkler = SprinklerCoverage.Unknown, InspectedOn = Today }, "P-new"),
            ],
        };
        Assert.Equal("P-old", Assert.Single(Assess(facts).Flags).SourceRecordId);
    }

    [Fact]
    public void Locations_are_info_flags_with_the_location_text()
    {
        var assessment = AssessPlan(new InspectionRecord
        {
            PlanId = "P-3",
            Sprinkler = SprinklerCoverage.Full,
            Standpipe = true,
            FdcLocation = "Sumner St side, left of main door",
            KnoxBoxLocation = "Right of main entrance, 6 ft up",
            AlarmPanelLocation = "Lobby, behind security desk",
        });

        Assert.All(assessment.Flags, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Equal(
            [HazardKinds.AlarmPanel, HazardKinds.Fdc, HazardKinds.KnoxBox, HazardKinds.Standpipe],
            assessment.Flags.Select(f => f.Kind));
        Assert.Equal("Knox box: Right of main entrance, 6 ft up", assessment.Flags.Single(f => f.Kind == HazardKinds.KnoxBox).Title);
        Assert.Contains("FDC: Sumner St side", assessment.Flags.Single(f => f.Kind == HazardKinds.Standpipe).Detail);
        Assert.Equal(Severity.Info, assessment.MaxSeverity);
        var kit = Assert.Single(assessment.Recommendations);
        Assert.Equal(("high-rise-pack", Severity.Info), (kit.Code, kit.Priority));
    }
}
