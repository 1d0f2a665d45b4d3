using System.ComponentModel.DataAnnotations;
using BIS.Domain.Hazards;
using BIS.Domain.Hazards.Erg;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class HazardRulesTests
{
    private static BuildingFacts Busy() => Facts() with
    {
        Parcel = Fact(new ParcelRecord { ParcelId = "0102280000", Floors = 9, YearBuilt = 1920, StructureClass = "R" }, "0102280000", "Boston assessing"),
        HazmatPermits =
        [
            Fact(new HazmatPermitRecord { PermitNumber = "HZ-1", Material = "Chlorine", UnNumber = "1017", IsActive = true, NfpaHealth = 4 }, "HZ-1#1017"),
            Fact(new HazmatPermitRecord { PermitNumber = "HZ-1", Material = "Gasoline", UnNumber = "1203", IsActive = true, NfpaFlammability = 3 }, "HZ-1#1203"),
        ],
        Violations =
        [
            Fact(new ViolationRecord { CaseNumber = "V2", Code = "116.2", Description = "Unsafe and Dangerous", Status = ViolationStatus.Open }, "V2#116.2"),
            Fact(new ViolationRecord { CaseNumber = "V1", Code = "907.2.10", Description = "Smoke Detectors", Status = ViolationStatus.Open }, "V1#907.2.10"),
        ],
        Inspections =
        [
            Fact(new InspectionRecord
            {
                PlanId = "P-1", InspectedOn = Today, TrussRoof = true, SolarPanels = true, Sprinkler = SprinklerCoverage.None,
                KnoxBoxLocation = "Front door", Standpipe = true, VacantMarking = "/",
            }, "P-1"),
        ],
        FireIncidents = [Fact(new FireIncidentRecord { IncidentId = "I-1", AlarmDate = Today.AddMonths(-6), NfirsIncidentType = "111" }, "I-1")],
        Hydrants = [Hydrant("H-1", 20, inService: false), Hydrant("H-2", 180)],
    };

    [Fact]
    public void Empty_facts_give_no_flags_and_no_severity()
    {
        var assessment = Assess(Facts());
        Assert.Empty(assessment.Flags);
        Assert.Empty(assessment.Recommendations);
        Assert.Equal(Severity.None, assessment.MaxSeverity);
    }

    [Fact]
    public void Flags_are_ranked_by_severity_then_kind_then_record_id()
    {
        var flags = Assess(Busy()).Flags;

        Assert.Equal(
        [
            ("hazmat", Severity.Critical, "HZ-1#1017"),
            ("unsafe-structure", Severity.Critical, "V2#116.2"),
            ("hazmat", Severity.High, "HZ-1#1203"),
            ("high-rise", Severity.High, "0102280000"),
            ("hydrant-distance", Severity.High, "H-2"),
            ("missing-alarms", Severity.High, "V1#907.2.10"),
            ("truss-roof", Severity.High, "P-1"),
            ("vacant", Severity.High, "P-1"),
            ("no-sprinkler", Severity.Moderate, "P-1"),
            ("old-wood-frame", Severity.Moderate, "0102280000"),
            ("prior-fires", Severity.Moderate, "I-1"),
            ("solar-pv", Severity.Moderate, "P-1"),
            ("hydrant-out-of-service", Severity.Info, "H-1"),
            ("knox-box", Severity.Info, "P-1"),
            ("standpipe", Severity.Info, "P-1"),
        ],
            flags.Select(f => (f.Kind, f.Severity, f.SourceRecordId)));
    }

    [Fact]
    public void Every_flag_cites_its_source()
    {
        Assert.All(Assess(Busy()).Flags, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.SourceRecordId));
            Assert.False(string.IsNullOrWhiteSpace(f.SourceName));
            Assert.False(string.IsNullOrWhiteSpace(f.Title));
            Assert.False(string.IsNullOrWhiteSpace(f.Detail));
            Assert.Equal(AsOf, f.AsOf);
        });
    }

    [Fact]
    public void Same_facts_in_any_order_give_the_same_assessment()
    {
        var facts = Busy();
        var shuffled = facts with
        {
            HazmatPermits = facts.HazmatPermits.Reverse().ToArray(),
            Violations = facts.Violations.Reverse().ToArray(),
            Hydrants = facts.Hydrants.Reverse().ToArray(),
        };
        var rules = Rules();

        var first = rules.Assess(facts);
        var second = rules.Assess(shuffled);

        Assert.Equal(first.Flags, second.Flags);
        Assert.Equal(first.MaxSeverity, second.MaxSeverity);
        Assert.Equal(
            first.Recommendations.Select(r => (r.Code, r.Priority, string.Join('|', r.Reasons), string.Join('|', r.FlagRefs))),
            second.Recommendations.Select(r => (r.Code, r.Priority, string.Join('|', r.Reasons), string.Join('|', r.FlagRefs))));
    }

    [Fact]
    public void Max_severity_is_the_worst_flag()
    {
        Assert.Equal(Severity.Critical, Assess(Busy()).MaxSeverity);
        Assert.Equal(Severity.Info, Assess(Facts() with { Hydrants = [Hydrant("H-1", 20, inService: false), Hydrant("H-2", 60)] }).MaxSeverity);
    }

    [Fact]
    public void Recommendations_are_ranked_by_priority_then_code()
    {
        var recommendations = Assess(Busy()).Recommendations;
        Assert.Equal(
            ["decon", "hazmat-company", "heavy-rescue", "safety-officer", "foam", "high-rise-pack", "tanker", "tower-ladder", "utility-notify"],
            recommendations.Select(r => r.Code));
        Assert.All(recommendations, r => Assert.Equal(r.FlagRefs.Count, r.FlagRefs.Distinct().Count()));
    }

    [Fact]
    public void Identical_duplicate_facts_give_one_flag()
    {
        var permit = Fact(new HazmatPermitRecord { PermitNumber = "HZ-1", Material = "Chlorine", UnNumber = "1017", IsActive = true }, "HZ-1");
        Assert.Single(Assess(Facts() with { HazmatPermits = [permit, permit] }).Flags);
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction()
    {
        Assert.Throws<ValidationException>(() => new HazardRules(new HazardRuleOptions { HighRiseFloors = 0 }, ErgGuideIndex.Empty));
        Assert.Throws<ValidationException>(() => new HazardRules(
            new HazardRuleOptions { HydrantMaxDistanceMeters = 400, HydrantSearchRadiusMeters = 300 }, ErgGuideIndex.Empty));
    }
}
