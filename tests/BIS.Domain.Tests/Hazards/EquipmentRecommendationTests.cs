using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class EquipmentRecommendationTests
{
    private static SourceFact<HazmatPermitRecord> Hazmat(string id, string material, string? un, decimal qty, string unit, int h, int f, int i) =>
        Fact(new HazmatPermitRecord
        {
            PermitNumber = id,
            Material = material,
            UnNumber = un,
            Quantity = qty,
            QuantityUnit = unit,
            NfpaHealth = h,
            NfpaFlammability = f,
            NfpaInstability = i,
            IsActive = true,
        }, id, "BFD hazmat permits");

    private static EquipmentRecommendation Find(HazardAssessment assessment, string code) =>
        Assert.Single(assessment.Recommendations, r => r.Code == code);

    [Fact]
    public void Gasoline_calls_for_hazmat_and_foam_but_not_decon()
    {
        var assessment = Assess(Facts() with { HazmatPermits = [Hazmat("HZ-1", "Gasoline", "UN1203", 2000, "gal", 1, 3, 0)] });

        Assert.Equal(["foam", "hazmat-company"], assessment.Recommendations.Select(r => r.Code));
        var foam = Find(assessment, "foam");
        Assert.Equal(Severity.Critical, foam.Priority); // F3 high, large quantity raises it
        Assert.Equal(["Hazmat: Gasoline 2,000 gal (ERG 128)"], foam.Reasons);
        Assert.Equal(["hazmat:HZ-1"], foam.FlagRefs);
    }

    [Fact]
    public void Flammable_liquid_by_rating_and_unit_calls_for_foam_without_an_erg_guide()
    {
        var assessment = Assess(Facts() with { HazmatPermits = [Hazmat("HZ-2", "Solvent blend", null, 30, "gal", 2, 3, 0)] });
        Assert.Contains(assessment.Recommendations, r => r.Code == "foam");
    }

    [Fact]
    public void Flammable_gas_does_not_call_for_foam()
    {
        var assessment = Assess(Facts() with { HazmatPermits = [Hazmat("HZ-3", "Propane", "1075", 400, "lb", 2, 4, 0)] });
        Assert.DoesNotContain(assessment.Recommendations, r => r.Code == "foam");
    }

    [Fact]
    public void Chlorine_calls_for_decon_as_critical()
    {
        var assessment = Assess(Facts() with { HazmatPermits = [Hazmat("HZ-4", "Chlorine", "1017", 150, "lb", 4, 0, 0)] });
        Assert.Equal(["decon", "hazmat-company"], assessment.Recommendations.Select(r => r.Code));
        Assert.All(assessment.Recommendations, r => Assert.Equal(Severity.Critical, r.Priority));
    }

    [Fact]
    public void Reasons_from_several_flags_merge_without_duplicates()
    {
        var facts = Facts() with
        {
            HazmatPermits = [Hazmat("HZ-5#1203", "Gasoline", "1203", 100, "gal", 1, 3, 0), Hazmat("HZ-5#1090", "Acetone", "1090", 20, "gal", 2, 3, 0)],
            Inspections = [Fact(new InspectionRecord { PlanId = "P-1", BatteryStorageKwh = 100 }, "P-1")],
        };

        var assessment = Assess(facts);

        var hazmat = Find(assessment, "hazmat-company");
        Assert.Equal(Severity.Critical, hazmat.Priority);
        Assert.Equal(3, hazmat.Reasons.Count);
        Assert.Equal(hazmat.Reasons.Distinct().Count(), hazmat.Reasons.Count);
        Assert.Equal(["hazmat:HZ-5#1203", "battery-storage:P-1", "hazmat:HZ-5#1090"], hazmat.FlagRefs);
        var foam = Find(assessment, "foam");
        Assert.Equal(2, foam.FlagRefs.Count);
    }

    [Fact]
    public void Collapse_flags_merge_into_one_heavy_rescue()
    {
        var facts = Facts() with
        {
            Violations = [Fact(new ViolationRecord { CaseNumber = "V1", Code = "116.2", Description = "Unsafe and Dangerous", Status = ViolationStatus.Open }, "V1#116.2")],
            Permits = [Fact(new PermitRecord { PermitNumber = "D1", WorkKind = PermitWorkKind.Demolition, IsActive = true, IssuedOn = Today }, "D1")],
        };

        var rescue = Find(Assess(facts), "heavy-rescue");
        Assert.Equal(Severity.Critical, rescue.Priority);
        Assert.Equal(["unsafe-structure:V1#116.2", "demolition:D1"], rescue.FlagRefs);
    }

    [Fact]
    public void High_rise_calls_for_tower_ladder_and_high_rise_pack()
    {
        var facts = Facts() with { Parcel = Fact(new ParcelRecord { ParcelId = "0301234000", Floors = 12 }, "0301234000") };
        Assert.Equal(["high-rise-pack", "tower-ladder"], Assess(facts).Recommendations.Select(r => r.Code));
    }

    [Fact]
    public void Table_is_editable()
    {
        var options = new HazardRuleOptions
        {
            Equipment =
            [
                new EquipmentRuleOptions { Code = "aerial", Name = "Aerial ladder", WhenFlagKinds = ["high-rise"], Priority = Severity.Moderate },
            ],
        };
        var facts = Facts() with { Parcel = Fact(new ParcelRecord { ParcelId = "0301234000", Floors = 12 }, "0301234000") };

        var recommendation = Assert.Single(Assess(facts, options).Recommendations);
        Assert.Equal(("aerial", "Aerial ladder", Severity.Moderate), (recommendation.Code, recommendation.Name, recommendation.Priority));
        Assert.Equal(["High-rise: 12 floors"], recommendation.Reasons);
    }

    [Fact]
    public void Default_table_is_a_fresh_copy_each_time()
    {
        HazardRuleDefaults.Equipment.Clear();
        Assert.NotEmpty(HazardRuleDefaults.Equipment);
    }
}
