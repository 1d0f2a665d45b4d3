using System.Security.Claims;
using BIS.Web.Security;

namespace BIS.Web.Tests.Security;

/// <summary>Security:Oidc:UnitClaim binds a provider firefighter to a unit the way a local account's unit does.</summary>
public class OidcUnitClaimTests
{
    private static readonly OidcOptions Options = new()
    {
        UnitClaim = "bis_unit",
        RoleMap = new(StringComparer.OrdinalIgnoreCase) { ["fd-crew"] = BisRoles.Firefighter, ["fd-dispatch"] = BisRoles.Dispatcher },
    };

    private static ClaimsPrincipal Provider(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity([new Claim("sub", "abc"), new Claim("preferred_username", "pat.crew"), .. claims.Select(c => new Claim(c.Type, c.Value))], "oidc"));

    [Fact]
    public void A_provider_firefighter_gets_the_unit_the_claim_names()
    {
        var user = OidcUserMapping.BisPrincipalOf(Provider(("roles", "fd-crew"), ("bis_unit", " e5 ")), Options, "Cookies");

        Assert.True(user.IsInRole(BisRoles.Firefighter));
        Assert.Equal("E5", user.FindFirst(BisRoles.UnitClaim)?.Value);
    }

    [Theory]
    [InlineData("fd-dispatch", "E5")]
    [InlineData("fd-crew", "E5; DROP TABLE unit")]
    [InlineData("fd-crew", "")]
    [InlineData("fd-crew", "ENGINE-COMPANY-FIVE")]
    public void No_unit_for_another_role_or_a_malformed_claim(string role, string unit)
    {
        var user = OidcUserMapping.BisPrincipalOf(Provider(("roles", role), ("bis_unit", unit)), Options, "Cookies");

        Assert.Null(user.FindFirst(BisRoles.UnitClaim));
    }

    [Fact]
    public void No_unit_when_the_claim_is_not_configured()
    {
        var user = OidcUserMapping.BisPrincipalOf(Provider(("roles", "fd-crew"), ("bis_unit", "E5")), new OidcOptions { RoleMap = Options.RoleMap }, "Cookies");

        Assert.True(user.IsInRole(BisRoles.Firefighter));
        Assert.Null(user.FindFirst(BisRoles.UnitClaim));
    }
}
