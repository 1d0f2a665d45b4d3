using BIS.Domain.Feeds;
using BIS.Domain.Hazards;
using BIS.Domain.Sources;
using static BIS.Domain.Tests.Hazards.HazardTestData;

namespace BIS.Domain.Tests.Hazards;

public class HazmatRuleTests
{
    private static SourceFact<HazmatPermitRecord> Permit(
        string id, string material, string? un, decimal? quantity = null, string? unit = null,
        int? health = null, int? fire = null, int? reactivity = null, string? special = null,
        bool active = true, DateOnly? expires = null, string? storage = null) =>
        Fact(new HazmatPermitRecord
        {
            PermitNumber = id.Split('#')[0],
            BusinessName = "Harbor Cold Storage",
            Material = material,
            UnNumber = un,
            Quantity = quantity,
            QuantityUnit = unit,
            NfpaHealth = health,
            NfpaFlammability = fire,
            NfpaInstability = reactivity,
            NfpaSpecial = special,
            StorageLocation = storage,
            IsActive = active,
            Status = active ? "Active" : "Expired",
            ExpiresOn = expires,
        }, id, "BFD hazmat permits (synthetic)");

    [Fact]
    public void Chlorine_is_critical_with_erg_guide_and_isolation_distance()
    {
        var facts = Facts() with
        {
            HazmatPermits = [Permit("HZ-1#1017", "Chlorine", "UN1017", 2000, "lb", 4, 0, 0, "OX", storage: "Basement pump room")],
        };

        var flag = Assert.Single(Assess(facts).Flags);

        Assert.Equal(HazardKinds.Hazmat, flag.Kind);
        Assert.Equal(Severity.Critical, flag.Severity);
        Assert.Equal("Hazmat: Chlorine 2,000 lb (ERG 124, toxic inhalation hazard)", flag.Title);
        Assert.Contains("NFPA 704: H4 F0 I0 OX", flag.Detail);
        Assert.Contains("ERG guide 124 (Chlorine)", flag.Detail);
        Assert.Contains("isolate 60 m (200 ft)", flag.Detail);
        Assert.Contains("Basement pump room", flag.Detail);
        Assert.Contains("Oxidizer", flag.Detail);
        Assert.Equal(FeedKind.HazmatPermits, flag.Feed);
        Assert.Equal("HZ-1#1017", flag.SourceRecordId);
        Assert.Equal("BFD hazmat permits (synthetic)", flag.SourceName);
        Assert.Equal(AsOf, flag.AsOf);
    }

    [Fact]
    public void Toxic_inhalation_hazard_is_critical_even_with_low_ratings()
    {
        var facts = Facts() with { HazmatPermits = [Permit("HZ-2", "Anhydrous ammonia", "1005", 50, "lb", 1, 1, 0)] };
        var assessment = Assess(facts);
        Assert.Equal(Severity.Critical, Assert.Single(assessment.Flags).Severity);
        Assert.Contains(assessment.Recommendations, r => r.Code == "decon");
    }

    [Theory]
    [InlineData(4, Severity.Critical)]
    [InlineData(3, Severity.High)]
    [InlineData(2, Severity.Moderate)]
    [InlineData(0, Severity.Moderate)]
    public void Severity_follows_the_highest_nfpa_rating(int flammability, Severity expected)
    {
        var facts = Facts() with { HazmatPermits = [Permit("HZ-3", "Propane", "UN1075", 20, "lb", 1, flammability, 0)] };
        Assert.Equal(expected, Assert.Single(Assess(facts).Flags).Severity);
    }

    [Fact]
    public void Unrated_permit_is_still_moderate_and_says_so()
    {
        var flag = Assert.Single(Assess(Facts() with { HazmatPermits = [Permit("HZ-4", "Pool chemicals", null)] }).Flags);
        Assert.Equal(Severity.Moderate, flag.Severity);
        Assert.Contains("NFPA 704 ratings not given", flag.Detail);
        Assert.Contains("No UN/NA number", flag.Detail);
    }

    [Fact]
    public void Large_quantity_raises_severity_one_step()
    {
        var small = Facts() with { HazmatPermits = [Permit("HZ-5", "Diesel fuel", null, 50, "gal", 0, 2, 0)] };
        var large = Facts() with { HazmatPermits = [Permit("HZ-5", "Diesel fuel", null, 1000, "gal", 0, 2, 0)] };
        var litres = Facts() with { HazmatPermits = [Permit("HZ-5", "Diesel fuel", null, 300, "L", 0, 2, 0)] };
        Assert.Equal(Severity.Moderate, Assess(small).Flags[0].Severity);
        Assert.Equal(Severity.High, Assess(large).Flags[0].Severity);
        Assert.Equal(Severity.High, Assess(litres).Flags[0].Severity);
    }

    [Fact]
    public void Water_reactive_is_noted_and_at_least_high()
    {
        var flag = Assert.Single(Assess(Facts() with { HazmatPermits = [Permit("HZ-6", "Sodium metal", "1428", 10, "lb", 3, 1, 2, "W")] }).Flags);
        Assert.Equal(Severity.High, flag.Severity);
        Assert.Contains("water-reactive", flag.Title);
        Assert.Contains("do not apply water", flag.Detail);
        Assert.Contains("NFPA 704: H3 F1 I2 W", flag.Detail);
    }

    [Fact]
    public void Several_guides_are_all_listed()
    {
        var flag = Assert.Single(Assess(Facts() with { HazmatPermits = [Permit("HZ-7", "Battery-powered equipment", "UN3171")] }).Flags);
        Assert.Contains("ERG 138/147/154", flag.Title);
        Assert.Contains("ERG guides 138", flag.Detail);
        Assert.Contains("147 (Battery-powered equipment (with lithium ion batteries))", flag.Detail);
    }

    [Fact]
    public void Unknown_un_number_is_reported_not_guessed()
    {
        var flag = Assert.Single(Assess(Facts() with { HazmatPermits = [Permit("HZ-8", "Mystery", "UN9999")] }).Flags);
        Assert.Contains("UN/NA 9999 is not in the ERG index", flag.Detail);
    }

    [Fact]
    public void Expired_or_inactive_permits_raise_nothing()
    {
        var facts = Facts() with
        {
            HazmatPermits =
            [
                Permit("HZ-9", "Gasoline", "1203", 500, "gal", 1, 3, 0, active: false),
                Permit("HZ-10", "Gasoline", "1203", 500, "gal", 1, 3, 0, expires: Today.AddDays(-1)),
            ],
        };
        var assessment = Assess(facts);
        Assert.Empty(assessment.Flags);
        Assert.Empty(assessment.Recommendations);
        Assert.Equal(Severity.None, assessment.MaxSeverity);
    }

    [Fact]
    public void Permit_expiring_today_still_counts() =>
        Assert.Single(Assess(Facts() with { HazmatPermits = [Permit("HZ-11", "Gasoline", "1203", expires: Today)] }).Flags);

    [Fact]
    public void One_flag_per_active_permit_row()
    {
        var facts = Facts() with
        {
            HazmatPermits = [Permit("HZ-12#1203", "Gasoline", "1203", 500, "gal", 1, 3, 0), Permit("HZ-12#1017", "Chlorine", "1017", 150, "lb", 4, 0, 0)],
        };
        Assert.Equal(["HZ-12#1017", "HZ-12#1203"], Assess(facts).Flags.Select(f => f.SourceRecordId));
    }
}
