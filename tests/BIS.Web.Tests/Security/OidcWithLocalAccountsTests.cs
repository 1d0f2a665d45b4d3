using System.Net;

namespace BIS.Web.Tests.Security;

/// <summary>Security:Oidc:KeepLocalAccounts: the password form stays, with a way to the provider beside it.</summary>
public sealed class OidcWithLocalAccountsTests(OidcWithLocalAccountsServer server) : IClassFixture<OidcWithLocalAccountsServer>
{
    [Fact]
    public async Task The_sign_in_page_offers_both_and_each_way_works()
    {
        using var local = server.CreateBrowser();
        var page = await local.GetStringAsync("/account/signin?returnUrl=%2Fdispatch");
        Assert.Contains("""name="password" """.TrimEnd(), page, StringComparison.Ordinal);
        Assert.Contains("""<a href="/account/signin/oidc?returnUrl=%2Fdispatch">Sign in with Fire Department Login</a>""", page, StringComparison.Ordinal);
        await SignIn.AsAsync(local, "dispatcher", BisWebFactory.DispatcherPassword);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/dispatch")).StatusCode);

        server.Provider.User = new ProviderUser("sub-dana", "dana.dispatch", ["fd-dispatch"]);
        using var viaProvider = server.CreateBrowser();
        var walk = await Redirects.FollowAsync(viaProvider, "/account/signin/oidc?returnUrl=%2Fdispatch");
        Assert.True(walk.Visited("/authorize"));
        Assert.Equal("/dispatch", walk.Hops[^1].AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, walk.Final.StatusCode);
    }
}
