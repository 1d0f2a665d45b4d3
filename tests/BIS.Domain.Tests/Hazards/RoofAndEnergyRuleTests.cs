using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class RoofAndEnergyRuleTests
{
    private static BuildingFacts WithPlan(InspectionRecord plan) => Facts() with { Inspections = [Fact(plan, plan.PlanId, "BFD pre-incident plans")] };

    [Fact]
    public void Truss_roof_is_high_and_calls_for_collapse_resources()
    {
        var assessment = Assess(WithPlan(new InspectionRecord { PlanId = "P-1", TrussRoof = true, InspectedOn = Today }));
        var flag = Assert.Single(assessment.Flags);
        Assert.Equal((HazardKinds.TrussRoof, Severity.High, "P-1"), (flag.Kind, flag.Severity, flag.SourceRecordId));
        Assert.Equal(["heavy-rescue", "safety-officer"], assessment.Recommendations.Select(r => r.Code));
    }

    [Fact]
    public void Solar_pv_is_moderate_and_calls_the_utility()
    {
        var assessment = Assess(WithPlan(new InspectionRecord { PlanId = "P-2", SolarPanels = true }));
        Assert.Equal((HazardKinds.SolarPv, Severity.Moderate), (assessment.Flags[0].Kind, assessment.Flags[0].Severity));
        var recommendation = Assert.Single(assessment.Recommendations);
        Assert.Equal(("utility-notify", Severity.Moderate), (recommendation.Code, recommendation.Priority));
        Assert.Equal(["solar-pv:P-2"], recommendation.FlagRefs);
    }

    [Fact]
    public void Battery_storage_at_the_threshold_is_high()
    {
        var assessment = Assess(WithPlan(new InspectionRecord { PlanId = "P-3", BatteryStorageKwh = 20 }));
        var flag = Assert.Single(assessment.Flags);
        Assert.Equal((HazardKinds.BatteryStorage, Severity.High), (flag.Kind, flag.Severity));
        Assert.Equal("Battery storage: 20 kWh", flag.Title);
        Assert.Equal(["hazmat-company", "thermal-camera", "utility-notify"], assessment.Recommendations.Select(r => r.Code));
    }

    [Fact]
    public void Small_battery_storage_is_moderate_without_a_hazmat_company()
    {
        var assessment = Assess(WithPlan(new InspectionRecord { PlanId = "P-4", BatteryStorageKwh = 13.5m }));
        Assert.Equal(Severity.Moderate, Assert.Single(assessment.Flags).Severity);
        Assert.DoesNotContain(assessment.Recommendations, r => r.Code == "hazmat-company");
    }

    [Fact]
    public void False_and_missing_values_raise_nothing() =>
        Assert.Empty(Assess(WithPlan(new InspectionRecord { PlanId = "P-5", TrussRoof = false, SolarPanels = null, BatteryStorageKwh = 0 })).Flags);

    [Fact]
    public void Newest_plan_stating_the_fact_wins()
    {
        var facts = Facts() with
        {
            Inspections =
            [
                Fact(new InspectionRecord { PlanId = "P-old", TrussRoof = true, InspectedOn = Today.AddYears(-4) }, "P-old"),
                Fact(new InspectionRecord { PlanId = "P-new", TrussRoof = false, InspectedOn = Today.AddMonths(-1) }, "P-new"),
                Fact(new InspectionRecord { PlanId = "P-newest", TrussRoof = null, InspectedOn = Today }, "P-newest"),
            ],
        };
        Assert.Empty(Assess(facts).Flags);
    }
}
