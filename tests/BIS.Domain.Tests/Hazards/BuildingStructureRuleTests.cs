using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class BuildingStructureRuleTests
{
    private static BuildingFacts WithParcel(decimal? floors = null, int? built = null, string? structureClass = null) =>
        Facts() with
        {
            Parcel = Fact(new ParcelRecord { ParcelId = "0102280000", Floors = floors, YearBuilt = built, StructureClass = structureClass },
                "0102280000", "Boston assessing FY2025"),
        };

    [Fact]
    public void Seven_floors_is_high_rise()
    {
        var flag = Assert.Single(Assess(WithParcel(floors: 7)).Flags);
        Assert.Equal((HazardKinds.HighRise, Severity.High, FeedKind.Assessing, "0102280000"), (flag.Kind, flag.Severity, flag.Feed, flag.SourceRecordId));
        Assert.Equal("High-rise: 7 floors", flag.Title);
    }

    [Fact]
    public void Six_and_a_half_floors_is_not() => Assert.Empty(Assess(WithParcel(floors: 6.5m)).Flags);

    [Fact]
    public void High_rise_threshold_is_configurable() =>
        Assert.Single(Assess(WithParcel(floors: 5), new HazardRuleOptions { HighRiseFloors = 5 }).Flags);

    [Fact]
    public void Pre_1940_wood_frame_is_moderate()
    {
        var flag = Assert.Single(Assess(WithParcel(built: 1905, structureClass: "r")).Flags);
        Assert.Equal((HazardKinds.OldWoodFrame, Severity.Moderate), (flag.Kind, flag.Severity));
        Assert.Equal("Wood frame built 1905", flag.Title);
        Assert.Contains("balloon", flag.Detail);
    }

    [Theory]
    [InlineData(1940, "R")]
    [InlineData(1905, "C")]
    [InlineData(null, "R")]
    public void Newer_masonry_or_undated_buildings_are_not_flagged(int? built, string structureClass) =>
        Assert.Empty(Assess(WithParcel(built: built, structureClass: structureClass)).Flags);

    [Fact]
    public void Construction_type_from_the_plan_counts_as_wood_frame_evidence()
    {
        var facts = WithParcel(built: 1890, structureClass: null) with
        {
            Inspections = [Fact(new InspectionRecord { PlanId = "P-9", ConstructionType = "V-B", InspectedOn = Today }, "P-9")],
        };
        var flag = Assert.Single(Assess(facts).Flags);
        Assert.Contains("construction type V-B", flag.Detail);
        Assert.Equal("0102280000", flag.SourceRecordId);
    }
}
