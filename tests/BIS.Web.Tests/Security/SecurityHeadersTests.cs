using System.Net;
using System.Text.RegularExpressions;
using BIS.Web.Map;
using BIS.Web.Security.Csrf;

namespace BIS.Web.Tests.Security;

/// <summary>Security headers on every kind of answer, and no-store on everything that carries hazard data.</summary>
public sealed partial class SecurityHeadersTests(ProbeWebFactory factory) : IClassFixture<ProbeWebFactory>
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private async Task<HttpClient> SignedInAsync(string user, string password)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, user, password);
        return client;
    }

    [Fact]
    public async Task Every_kind_of_answer_carries_the_security_headers()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var dispatcher = await SignedInAsync("dispatcher", BisWebFactory.DispatcherPassword);
        using var steward = await SignedInAsync("steward", "steward-test-password");
        using var cad = factory.CreateCadClient();

        var answers = new List<(string What, HttpStatusCode Expected, HttpResponseMessage Response)>
        {
            ("console page", HttpStatusCode.OK, await dispatcher.GetAsync("/dispatch")),
            ("hazard JSON", HttpStatusCode.OK, await cad.GetAsync("/api/buildings/search?q=302+Sumner+St")),
            ("feed status", HttpStatusCode.OK, await steward.GetAsync("/api/feeds")),
            ("anonymous API call", HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/buildings/search?q=302")),
            ("wrong role", HttpStatusCode.Forbidden, await steward.GetAsync("/dispatch")),
            ("wrong role on the API", HttpStatusCode.Forbidden, await dispatcher.PostAsync("/api/feeds/violations/run", content: null)),
            ("sign-in redirect", HttpStatusCode.Redirect, await anonymous.GetAsync("/dispatch")),
            ("sign-in page", HttpStatusCode.OK, await anonymous.GetAsync("/account/signin")),
            ("sign-in stylesheet", HttpStatusCode.OK, await anonymous.GetAsync("/account/signin.css")),
            ("static file", HttpStatusCode.OK, await dispatcher.GetAsync("/css/app.css")),
            ("health", HttpStatusCode.OK, await anonymous.GetAsync("/health/live")),
            ("bad request", HttpStatusCode.BadRequest, await cad.GetAsync("/api/buildings/search")),
            ("not found", HttpStatusCode.NotFound, await cad.GetAsync("/api/buildings/999999999")),
            ("refused post", HttpStatusCode.BadRequest, await steward.PostAsync("/api/feeds/violations/run", content: null)),
            ("server error", HttpStatusCode.InternalServerError, await cad.GetAsync(ProbeWebFactory.ThrowingProbe)),
        };

        foreach (var (what, expected, response) in answers)
        {
            Assert.True(expected == response.StatusCode, $"{what}: {(int)response.StatusCode}, expected {(int)expected}");
            AssertSecurityHeaders(what, response);
        }
    }

    [Fact]
    public async Task Hazard_data_and_pages_are_never_stored_but_the_consoles_static_files_may_be()
    {
        using var dispatcher = await SignedInAsync("dispatcher", BisWebFactory.DispatcherPassword);
        using var cad = factory.CreateCadClient();
        var id = await factory.Database.ScalarAsync<long>("SELECT building_id FROM building WHERE parcel_id = '0102280000'");
        var (x, y) = BIS.TestSupport.SlippyTiles.At(42.36770, -71.03660, 17);

        var page = await dispatcher.GetAsync("/dispatch");
        foreach (var (what, response) in new[]
        {
            ("console page", page),
            ("landing redirect", await dispatcher.GetAsync("/")),
            ("building summary", await dispatcher.GetAsync($"/api/buildings/{id}")),
            ("search", await cad.GetAsync("/api/buildings/search?q=302+Sumner+St")),
            ("building at a point", await cad.GetAsync("/api/buildings/at?lat=42.36770&lon=-71.03660")),
            ("tile", await cad.GetAsync($"/api/tiles/17/{x}/{y}.mvt")),
            ("feed status", await cad.GetAsync("/api/feeds")),
            ("antiforgery token", await dispatcher.GetAsync(CsrfProtection.TokenPath)),
            ("sign-in page", await factory.CreateClient().GetAsync("/account/signin")),
        })
        {
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, $"{what}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.ToString() == "no-store", $"{what}: Cache-Control {response.Headers.CacheControl}");
        }

        Assert.Equal("application/vnd.mapbox-vector-tile", (await cad.GetAsync($"/api/tiles/17/{x}/{y}.mvt")).Content.Headers.ContentType?.MediaType);

        // The page names its stylesheet by fingerprint. Static files keep the caching MapStaticAssets gives them:
        // immutable once published, no-cache with an ETag (revalidated) from a build output as here.
        var stylesheet = FingerprintedStylesheet().Match(await page.Content.ReadAsStringAsync());
        Assert.True(stylesheet.Success, "the console page links no fingerprinted app.css");
        var css = await dispatcher.GetAsync("/" + stylesheet.Groups["path"].Value);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.True(css.Headers.CacheControl?.ToString() is "no-cache" or "max-age=31536000, immutable", $"app.css: Cache-Control {css.Headers.CacheControl}");
        Assert.NotNull(css.Headers.ETag);
    }

    [Fact]
    public async Task Strict_transport_security_is_sent_over_https_only()
    {
        using var https = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var http = factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal("max-age=31536000", string.Join(",", (await https.GetAsync("/health/live")).Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("max-age=31536000", string.Join(",", (await https.GetAsync("/api/buildings/search?q=302")).Headers.GetValues("Strict-Transport-Security")));
        Assert.False((await http.GetAsync("/health/live")).Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>Nothing of ours the policy would block: no inline script, style or event handler in any page BIS renders.</summary>
    [Fact]
    public async Task Pages_hold_no_inline_script_style_or_event_handler()
    {
        using var dispatcher = await SignedInAsync("dispatcher", BisWebFactory.DispatcherPassword);
        using var steward = await SignedInAsync("steward", "steward-test-password");
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var (what, html) in new[]
        {
            ("console", await dispatcher.GetStringAsync("/dispatch")),
            ("steward board", await steward.GetStringAsync("/steward")),
            ("sign-in page", await anonymous.GetStringAsync("/account/signin")),
        })
        {
            Assert.True(html.Contains("<body", StringComparison.Ordinal), $"{what}: not a page");
            var inlineScripts = ScriptTag().Matches(html).Where(tag => !tag.Value.Contains(" src=", StringComparison.Ordinal)).Select(tag => tag.Value).ToList();
            Assert.True(inlineScripts.Count == 0, $"{what}: inline script {string.Join(" ", inlineScripts)}");
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(InlineAttribute(), html);
        }
    }

    internal static void AssertSecurityHeaders(string what, HttpResponseMessage response)
    {
        string Single(string header) =>
            response.Headers.TryGetValues(header, out var values) ? string.Join(" | ", values) : $"(no {header})";

        Assert.True(Single("Content-Security-Policy") == Policy, $"{what}: CSP {Single("Content-Security-Policy")}");
        Assert.True(Single("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options {Single("X-Frame-Options")}");
        Assert.True(Single("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options {Single("X-Content-Type-Options")}");
        Assert.True(Single("Referrer-Policy") == "strict-origin", $"{what}: Referrer-Policy {Single("Referrer-Policy")}");
        Assert.True(Single("Cross-Origin-Opener-Policy") == "same-origin", $"{what}: COOP {Single("Cross-Origin-Opener-Policy")}");
        Assert.True(Single("Cross-Origin-Resource-Policy") == "same-origin", $"{what}: CORP {Single("Cross-Origin-Resource-Policy")}");
        var permissions = Single("Permissions-Policy");
        Assert.True(permissions.Contains("geolocation=()", StringComparison.Ordinal) && permissions.Contains("camera=()", StringComparison.Ordinal)
            && permissions.Contains("microphone=()", StringComparison.Ordinal), $"{what}: Permissions-Policy {permissions}");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS over plain http");
    }

    [GeneratedRegex("""<script\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("""<[a-z][^>]*\s(style|on[a-z]+)\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAttribute();

    [GeneratedRegex("href=\"(?<path>css/app\\.[a-z0-9]+\\.css)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FingerprintedStylesheet();
}
