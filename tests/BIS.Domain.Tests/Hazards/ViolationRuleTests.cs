using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class ViolationRuleTests
{
    private static SourceFact<ViolationRecord> Violation(
        string caseNo, string? code, string? description, ViolationStatus status = ViolationStatus.Open, DateTimeOffset? statusDate = null) =>
        Fact(new ViolationRecord
        {
            CaseNumber = caseNo,
            Code = code,
            Description = description,
            Status = status,
            StatusDate = statusDate ?? Now.AddMonths(-3),
        }, $"{caseNo}#{code}", "Boston ISD violations");

    private static HazardAssessment AssessViolations(params SourceFact<ViolationRecord>[] violations) =>
        Assess(Facts() with { Violations = violations });

    [Fact]
    public void Open_unsafe_and_dangerous_is_critical()
    {
        var flag = Assert.Single(AssessViolations(Violation("V91983", "121.2", "Unsafe and Dangerous")).Flags);
        Assert.Equal(HazardKinds.UnsafeStructure, flag.Kind);
        Assert.Equal(Severity.Critical, flag.Severity);
        Assert.Equal("Unsafe structure: Unsafe and Dangerous", flag.Title);
        Assert.Contains("V91983", flag.Detail);
        Assert.Equal(FeedKind.Violations, flag.Feed);
        Assert.Equal("V91983#121.2", flag.SourceRecordId);
        Assert.Equal("Boston ISD violations", flag.SourceName);
    }

    [Theory]
    [InlineData("116", "Unsafe Structures")]
    [InlineData("116.2", "")]
    [InlineData("5121.1", "Unsafe & Dangerous")]
    [InlineData("999", "Structure condemned by ISD")]
    public void Unsafe_is_found_by_code_or_description(string code, string description) =>
        Assert.Equal(HazardKinds.UnsafeStructure, Assert.Single(AssessViolations(Violation("V1", code, description)).Flags).Kind);

    [Theory]
    [InlineData("Chapter 103.1", "Unsafe Maintenance")]
    [InlineData("1160", "Something else")]
    [InlineData("105.1", "Failure to Obtain Permit")]
    public void Ordinary_violations_raise_nothing(string code, string description) =>
        Assert.Empty(AssessViolations(Violation("V2", code, description)).Flags);

    [Theory]
    [InlineData(ViolationStatus.Closed)]
    [InlineData(ViolationStatus.Void)]
    public void Closed_and_void_violations_raise_nothing(ViolationStatus status) =>
        Assert.Empty(AssessViolations(Violation("V3", "116.2", "Unsafe and Dangerous", status)).Flags);

    [Fact]
    public void Unknown_status_still_counts_and_says_so()
    {
        var flag = Assert.Single(AssessViolations(Violation("V4", "116.2", "Unsafe and Dangerous", ViolationStatus.Unknown)).Flags);
        Assert.Contains("status unknown", flag.Detail);
    }

    [Fact]
    public void Violations_older_than_the_lookback_are_ignored_unless_lookback_is_zero()
    {
        var old = Violation("V5", "116.2", "Unsafe and Dangerous", statusDate: Now.AddYears(-12));
        Assert.Empty(AssessViolations(old).Flags);
        Assert.Single(Assess(Facts() with { Violations = [old] }, new HazardRuleOptions { ViolationLookbackYears = 0 }).Flags);
    }

    [Fact]
    public void Vacant_violation_is_high()
    {
        var flag = Assert.Single(AssessViolations(Violation("V6", "102.8", "Vacant building not secured")).Flags);
        Assert.Equal((HazardKinds.Vacant, Severity.High), (flag.Kind, flag.Severity));
    }

    [Theory]
    [InlineData("907.2.10", "Smoke Detectors", HazardKinds.MissingAlarms)]
    [InlineData("315.1", "Carbon monoxide alarms", HazardKinds.MissingAlarms)]
    [InlineData("1003.6", "Means of Egress", HazardKinds.BlockedEgress)]
    [InlineData("1021.1.1", "Exits Maintained", HazardKinds.BlockedEgress)]
    [InlineData("120.1", "Illegally occupied prior to CO", HazardKinds.IllegalOccupancy)]
    [InlineData("Article 4 Section 4-3", "No use of premises permit:", HazardKinds.IllegalOccupancy)]
    public void Fire_safety_violations_are_high(string code, string description, string kind)
    {
        var flag = Assert.Single(AssessViolations(Violation("V7", code, description)).Flags);
        Assert.Equal((kind, Severity.High), (flag.Kind, flag.Severity));
    }

    [Fact]
    public void Keywords_are_configurable_and_replace_the_defaults()
    {
        var options = new HazardRuleOptions { VacantViolationKeywords = ["unoccupied"] };
        Assert.Single(Assess(Facts() with { Violations = [Violation("V8", "1", "Unoccupied dwelling")] }, options).Flags);
        Assert.Empty(Assess(Facts() with { Violations = [Violation("V9", "1", "Vacant dwelling")] }, options).Flags);
    }
}
