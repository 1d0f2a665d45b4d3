using System.Net;
using BIS.Web.Security.Headers;

namespace BIS.Web.Tests.Security;

/// <summary>The policy is built from configuration: the base map's tile host and the identity provider are let in, nothing else.</summary>
public sealed class ContentSecurityPolicyTests
{
    [Theory]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("https://tiles.fd.example:8443/base/{z}/{x}/{y}.png?key=abc", "https://tiles.fd.example:8443")]
    [InlineData("HTTP://Tiles.Example.org/{z}/{x}/{y}.png", "http://tiles.example.org")]
    [InlineData("https://a{s}.b.tiles.example.org/{z}/{x}/{y}", "https://*.b.tiles.example.org")]
    [InlineData("https://login.fd.example/realms/fire", "https://login.fd.example")]
    public void A_url_or_tile_template_gives_its_origin_as_a_source(string url, string source) =>
        Assert.Equal(source, ContentSecurityPolicy.SourceOfUrlTemplate(url));

    [Theory]
    [InlineData("https://{s}/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.{s}/{z}.png")]
    [InlineData("ftp://tiles.example.org/{z}.png")]
    [InlineData("tiles.example.org/{z}.png")]
    [InlineData("https://tiles.example.org;script-src *")]
    [InlineData("https://[2001:db8::1]:8080/{z}/{x}/{y}.png")] // CSP has no syntax for an IPv6 literal
    public void A_template_that_gives_no_fixed_origin_is_refused(string url) =>
        Assert.Throws<InvalidOperationException>(() => ContentSecurityPolicy.SourceOfUrlTemplate(url));

    [Fact]
    public void Without_a_base_map_or_provider_everything_is_self()
    {
        Assert.Equal(SecurityHeadersTests.Policy, ContentSecurityPolicy.Build(null, null));
        Assert.Equal(SecurityHeadersTests.Policy, ContentSecurityPolicy.Build("", ""));
    }

    private sealed class BaseMapAndProviderServer : BisWebFactory
    {
        protected override Dictionary<string, string?> FeedSettings()
        {
            var settings = base.FeedSettings();
            settings["Map:BaseTileUrl"] = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png";
            settings["Security:Oidc:Authority"] = "https://login.fd.example/realms/fire";
            settings["Security:Oidc:ClientId"] = "bis";
            return settings;
        }
    }

    [Fact]
    public async Task A_configured_base_map_and_provider_are_let_in_and_nothing_else()
    {
        await using var server = new BaseMapAndProviderServer();
        await server.InitializeAsync();

        var response = await server.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://*.tile.openstreetmap.org; connect-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self' https://login.fd.example; frame-ancestors 'none'",
            string.Join(" | ", response.Headers.GetValues("Content-Security-Policy")));
    }

    private sealed class UnusableBaseMapServer : BisWebFactory
    {
        protected override Dictionary<string, string?> FeedSettings()
        {
            var settings = base.FeedSettings();
            settings["Map:BaseTileUrl"] = "https://{s}/{z}/{x}/{y}.png";
            return settings;
        }
    }

    [Fact]
    public async Task A_base_map_whose_host_cannot_be_named_in_the_policy_stops_bis_at_start()
    {
        await using var server = new UnusableBaseMapServer();

        var error = await Assert.ThrowsAnyAsync<Exception>(server.InitializeAsync);

        Assert.Contains("Map:BaseTileUrl", StartFailure.MessagesOf(error), StringComparison.Ordinal);
    }
}
