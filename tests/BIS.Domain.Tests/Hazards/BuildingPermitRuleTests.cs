using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class BuildingPermitRuleTests
{
    private static SourceFact<PermitRecord> Permit(
        string id, PermitWorkKind kind, bool active = true, DateOnly? issued = null, DateOnly? expires = null, string? description = null) =>
        Fact(new PermitRecord
        {
            PermitNumber = id,
            WorkKind = kind,
            WorkType = kind.ToString().ToUpperInvariant(),
            Description = description,
            IsActive = active,
            IssuedOn = issued ?? Today.AddMonths(-2),
            ExpiresOn = expires,
        }, id, "Boston ISD permits");

    private static IReadOnlyList<HazardFlag> Flags(params SourceFact<PermitRecord>[] permits) => Assess(Facts() with { Permits = permits }).Flags;

    [Fact]
    public void Active_demolition_is_high()
    {
        var flag = Assert.Single(Flags(Permit("A100", PermitWorkKind.Demolition, description: "Raze 3-story frame dwelling")));
        Assert.Equal((HazardKinds.Demolition, Severity.High, FeedKind.BuildingPermits, "A100"), (flag.Kind, flag.Severity, flag.Feed, flag.SourceRecordId));
        Assert.Contains("Raze 3-story frame dwelling", flag.Detail);
    }

    [Theory]
    [InlineData(PermitWorkKind.ChangeOfOccupancy, HazardKinds.ChangeOfOccupancy, Severity.Moderate)]
    [InlineData(PermitWorkKind.Construction, HazardKinds.Construction, Severity.Moderate)]
    [InlineData(PermitWorkKind.SprinklerWork, HazardKinds.FireSystemWork, Severity.Info)]
    [InlineData(PermitWorkKind.AlarmWork, HazardKinds.FireSystemWork, Severity.Info)]
    public void Work_kinds_map_to_flags(PermitWorkKind work, string kind, Severity severity)
    {
        var flag = Assert.Single(Flags(Permit("A101", work)));
        Assert.Equal((kind, severity), (flag.Kind, flag.Severity));
    }

    [Fact]
    public void Other_work_raises_nothing() => Assert.Empty(Flags(Permit("A102", PermitWorkKind.Other)));

    [Fact]
    public void Expired_closed_and_stale_permits_raise_nothing()
    {
        Assert.Empty(Flags(
            Permit("A103", PermitWorkKind.Demolition, active: false),
            Permit("A104", PermitWorkKind.Demolition, expires: Today.AddDays(-1)),
            Permit("A105", PermitWorkKind.Demolition, issued: Today.AddMonths(-30)),
            Permit("A106", PermitWorkKind.Demolition, issued: Today.AddDays(10))));
    }

    [Fact]
    public void Old_permit_with_a_future_expiry_is_still_in_force() =>
        Assert.Single(Flags(Permit("A107", PermitWorkKind.Demolition, issued: Today.AddMonths(-30), expires: Today.AddMonths(1))));

    [Fact]
    public void Staleness_is_configurable() =>
        Assert.Single(Assess(Facts() with { Permits = [Permit("A108", PermitWorkKind.Construction, issued: Today.AddMonths(-30))] },
            new HazardRuleOptions { PermitStaleAfterMonths = 36 }).Flags);
}
