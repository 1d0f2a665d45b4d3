using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class HydrantRuleTests
{
    [Fact]
    public void Close_in_service_hydrant_raises_nothing() =>
        Assert.Empty(Assess(Facts() with { Hydrants = [Hydrant("H-1", 40)] }).Flags);

    [Fact]
    public void Nearest_in_service_beyond_the_limit_is_high_and_calls_for_a_tanker()
    {
        var assessment = Assess(Facts() with { Hydrants = [Hydrant("H-2", 212)] });
        var flag = Assert.Single(assessment.Flags);
        Assert.Equal((HazardKinds.HydrantDistance, Severity.High, FeedKind.Hydrants, "H-2"), (flag.Kind, flag.Severity, flag.Feed, flag.SourceRecordId));
        Assert.Equal("Nearest in-service hydrant 212 m (696 ft) away", flag.Title);
        Assert.Equal("BWSC hydrants (synthetic)", flag.SourceName);
        Assert.Equal(AsOf, flag.AsOf);
        var tanker = Assert.Single(assessment.Recommendations);
        Assert.Equal(("tanker", Severity.High), (tanker.Code, tanker.Priority));
    }

    [Fact]
    public void Only_out_of_service_hydrants_is_high()
    {
        var flag = Assert.Single(Assess(Facts() with { Hydrants = [Hydrant("H-3", 30, inService: false), Hydrant("H-4", 90, inService: false)] }).Flags);
        Assert.Equal((HazardKinds.HydrantDistance, Severity.High, "H-3"), (flag.Kind, flag.Severity, flag.SourceRecordId));
        Assert.StartsWith("No in-service hydrant within 300 m", flag.Title);
    }

    [Fact]
    public void In_service_hydrant_outside_the_search_radius_does_not_count()
    {
        var flags = Assess(Facts() with { Hydrants = [Hydrant("H-5", 50, inService: false), Hydrant("H-6", 450)] }).Flags;
        Assert.Equal("H-5", Assert.Single(flags).SourceRecordId);
    }

    [Fact]
    public void Out_of_service_nearest_is_info_naming_the_next_in_service()
    {
        var flag = Assert.Single(Assess(Facts() with { Hydrants = [Hydrant("H-7", 20, inService: false), Hydrant("H-8", 80)] }).Flags);
        Assert.Equal((HazardKinds.HydrantOutOfService, Severity.Info, "H-7"), (flag.Kind, flag.Severity, flag.SourceRecordId));
        Assert.Contains("H-8 at 80 m", flag.Detail);
    }

    [Fact]
    public void Low_flow_nearest_in_service_is_info()
    {
        var flags = Assess(Facts() with { Hydrants = [Hydrant("H-9", 60, flowClass: "C", gpm: null)] }).Flags;
        Assert.Equal((HazardKinds.HydrantLowFlow, Severity.Info), (flags[0].Kind, flags[0].Severity));
    }

    [Fact]
    public void No_hydrants_known_says_nothing() => Assert.Empty(Assess(Facts()).Flags);

    [Fact]
    public void No_hydrant_found_in_a_searched_layer_is_a_water_supply_flag_citing_the_layer()
    {
        var search = new HydrantLayerSearch("BWSC hydrants (synthetic)", "hydrants run 16", Now);
        var flag = Assert.Single(Assess(Facts() with { HydrantSearch = search }).Flags);
        Assert.Equal((HazardKinds.HydrantDistance, Severity.High, "hydrants run 16"), (flag.Kind, flag.Severity, flag.SourceRecordId));
        Assert.Contains("tanker", flag.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Distance_limit_is_configurable() =>
        Assert.Empty(Assess(Facts() with { Hydrants = [Hydrant("H-10", 212)] }, new HazardRuleOptions { HydrantMaxDistanceMeters = 250 }).Flags);
}
