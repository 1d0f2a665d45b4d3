using System.Security.Claims;
using BIS.Web.Incidents;
using BIS.Web.Security;
using BIS.Web.Tests.EndToEnd;
using BIS.Web.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.UnitView;

/// <summary>
/// The tablet view (/unit) in Debian's Chromium against the sample city: paired with a code, it receives an
/// assignment, keeps showing it through a dead zone and a reload with no network, catches up when the link is back,
/// and its Acknowledge reaches the outbox. Screenshots of both themes in both orientations go to var/screenshots.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TabletViewTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    private static readonly ClaimsPrincipal Dispatcher = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "dispatcher"), new Claim(ClaimTypes.Role, BisRoles.Dispatcher)], "test"));

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, BisRoles.Admin)], "test"));

    /// <summary>What Chromium itself logs while the link is down (refused requests and sockets), and the unpaired tablet's 401.</summary>
    private static readonly string[] DeadZoneNoise = ["ERR_INTERNET_DISCONNECTED", "WebSocket connection to", "status of 401"];

    private IncidentBook Book => server.Services.GetRequiredService<IncidentBook>();

    private async Task<(long BuildingId, string Address)> HazardousBuildingAsync()
    {
        await server.Services.GetRequiredService<UnitPushListener>().Listening.WaitAsync(TimeSpan.FromSeconds(60));
        var row = await server.Database.ScalarAsync<string>(
            """
            SELECT b.building_id || '|' || b.address_key FROM hazard_index h JOIN building b USING (building_id)
            WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(h.recommendations) r WHERE r ->> 'code' = 'hazmat-company')
            ORDER BY h.max_severity DESC, b.building_id LIMIT 1
            """);
        var parts = row.Split('|');
        return (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]);
    }

    private Task<T> ScalarAsync<T>(string sql) => server.Database.ScalarAsync<T>(sql);

    [Fact]
    public async Task A_paired_tablet_gets_its_assignment_keeps_it_through_a_dead_zone_and_a_reload_and_catches_up()
    {
        var (buildingId, address) = await HazardousBuildingAsync();
        var tablet = await TabletPage.OpenAsync(server.Browser, server.BaseAddress);
        var page = tablet.Page;

        // Pair with a code the admin issued.
        await tablet.GotoAsync();
        await Assertions.Expect(page.Locator("#pair")).ToBeVisibleAsync();
        var code = await server.Services.GetRequiredService<DeviceRegistry>().IssueCodeAsync("E9", Admin, CancellationToken.None);
        await page.FillAsync("#pair-code", code.Code.ToLowerInvariant());
        await page.FillAsync("#pair-name", "E9 cab tablet");
        await page.ClickAsync("#pair-submit");
        await Assertions.Expect(page.Locator("#idle-title")).ToHaveTextAsync("No assignment");
        await Assertions.Expect(page.Locator("#unit-name")).ToContainTextAsync("E9");
        await Assertions.Expect(page.Locator("#link-state")).ToContainTextAsync("Live");
        Assert.Equal("E9 cab tablet", await ScalarAsync<string>("SELECT name FROM unit_device WHERE unit_id = 'E9' AND revoked_at IS NULL ORDER BY device_id DESC LIMIT 1"));

        // Dispatch sends E9.
        var incident = await Book.OpenAsync(buildingId, "Structure fire", "Smoke showing, caller reports people on 2nd floor", Dispatcher, CancellationToken.None);
        await Book.AssignAsync(incident.IncidentId, ["E9"], Dispatcher, CancellationToken.None);
        await Assertions.Expect(page.Locator("#incident-address")).ToContainTextAsync(address);
        await Assertions.Expect(page.Locator("#incident-notes")).ToContainTextAsync("Smoke showing");
        await Assertions.Expect(page.Locator("#flags li.flag.sev-critical").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#flags li.flag").First).ToContainTextAsync("Critical");
        await Assertions.Expect(page.Locator("#recs li.rec .rec-reasons li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#hydrants li.hydrant").First).ToContainTextAsync(" m");
        await Assertions.Expect(page.Locator("#map path.map-building")).ToBeAttachedAsync();
        Assert.StartsWith("geo:", await page.GetAttributeAsync("#nav-link", "href"));
        Assert.Equal(0, await page.Locator(".leaflet-tile").CountAsync());
        await Assertions.Expect(page.Locator("#ack")).ToBeVisibleAsync();
        await Eventually.HoldsAsync(
            async () => await ScalarAsync<bool>("SELECT received_at IS NOT NULL FROM unit_message WHERE unit_id = 'E9' ORDER BY seq DESC LIMIT 1"),
            TimeSpan.FromSeconds(30), "the tablet did not report the assignment received");
        await tablet.WaitForOfflineShellAsync();

        // Dead zone: the banner says since when and how old the data is.
        await tablet.CutLinkAsync();
        await Assertions.Expect(page.Locator("#offline-banner")).ToContainTextAsync("Offline since");
        await Assertions.Expect(page.Locator("#offline-banner")).ToContainTextAsync("showing data received");

        // A reload with no network: the shell comes from the service worker, the assignment from IndexedDB.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#incident-address")).ToContainTextAsync(address);
        await Assertions.Expect(page.Locator("#map path.map-building")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#map path.map-hydrant").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#offline-banner")).ToContainTextAsync("Offline since");
        await tablet.ShotAsync("night-1280x800-offline-reloaded");

        // While the tablet is down, Ladder 2 joins: E9 gets a "changed" message it must not miss.
        await Book.AssignAsync(incident.IncidentId, ["L2"], Dispatcher, CancellationToken.None);
        await tablet.RestoreLinkAsync();
        await Assertions.Expect(page.Locator("#changes-list")).ToContainTextAsync("L2", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#incident-units")).ToContainTextAsync("L2");
        await Assertions.Expect(page.Locator("#offline-banner")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#link-state")).ToContainTextAsync("Live");

        await tablet.ShotAsync("night-1280x800-changed-unacknowledged");

        // Acknowledge: shown_at on every message up to the latest; the change list goes.
        var latest = await ScalarAsync<long>("SELECT max(seq) FROM unit_message WHERE unit_id = 'E9'");
        await page.ClickAsync("#ack");
        await Assertions.Expect(page.Locator("#ack-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#changes")).ToBeHiddenAsync();
        await Eventually.HoldsAsync(
            async () => await ScalarAsync<long>($"SELECT count(*) FROM unit_message WHERE unit_id = 'E9' AND seq <= {latest} AND shown_at IS NULL") == 0,
            TimeSpan.FromSeconds(30), "Acknowledge did not set shown_at");

        // Status buttons reach the unit row.
        await page.ClickAsync(".incident-head ~ .status-bar [data-status=enroute]");
        await Eventually.HoldsAsync(
            async () => await ScalarAsync<string>("SELECT status FROM unit WHERE unit_id = 'E9'") == "enroute",
            TimeSpan.FromSeconds(30), "En route did not reach the unit's status");
        await Assertions.Expect(page.Locator(".incident-head ~ .status-bar [data-status=enroute]")).ToHaveAttributeAsync("aria-pressed", "true");

        // The looks, night (the default) and day, landscape and portrait. At night nothing on the map is painted white.
        Assert.Equal("rgb(23, 32, 42)", await page.Locator(".leaflet-control-zoom a").First.EvaluateAsync<string>("a => getComputedStyle(a).backgroundColor"));
        await tablet.ShotAsync("night-1280x800");
        await page.ClickAsync("#theme-toggle");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "day");
        await tablet.ShotAsync("day-1280x800");
        await page.SetViewportSizeAsync(800, 1280);
        await tablet.ShotAsync("day-800x1280");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "day");
        await page.ClickAsync("#theme-toggle");
        await Assertions.Expect(page.Locator("#incident-address")).ToContainTextAsync(address);
        await tablet.ShotAsync("night-800x1280");

        // Closed: the assignment goes, with a plain word why.
        await Book.CloseAsync(incident.IncidentId, Dispatcher, CancellationToken.None);
        await Assertions.Expect(page.Locator("#idle-title")).ToContainTextAsync("Incident closed");
        await Assertions.Expect(page.Locator("#assignment")).ToBeHiddenAsync();
        tablet.AssertNoProblemsBut(DeadZoneNoise);
        await tablet.Context.CloseAsync();
    }

    [Fact]
    public async Task A_firefighter_of_a_unit_lands_on_the_tablet_view_and_it_speaks_for_the_account()
    {
        await server.Services.GetRequiredService<LocalAccounts>().CreateAsync(
            "ff-e5", "Firefighter E5", BisRoles.Firefighter, "E5", "firefighter-test-password-5", CancellationToken.None);
        var tablet = await TabletPage.OpenAsync(server.Browser, server.BaseAddress, 800, 1280);
        var page = tablet.Page;
        await page.GotoAsync(server.BaseAddress + "/account/signin");
        await page.FillAsync("input[name=username]", "ff-e5");
        await page.FillAsync("input[name=password]", "firefighter-test-password-5");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/unit/");
        await Assertions.Expect(page.Locator("#unit-name")).ToContainTextAsync("E5");
        await Assertions.Expect(page.Locator("#link-state")).ToContainTextAsync("Live");
        await Assertions.Expect(page.Locator("#pair")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#idle-title")).ToHaveTextAsync("No assignment");
        tablet.AssertNoProblemsBut();
        await tablet.Context.CloseAsync();
    }

    [Fact]
    public async Task The_tablet_shell_is_public_but_holds_no_data_and_other_static_files_stay_private()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseAddress) };
        var shell = await client.GetAsync("/unit/");
        Assert.True(shell.IsSuccessStatusCode, $"/unit/ answered {shell.StatusCode}");
        Assert.Contains("script-src 'self'", shell.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var path in new[] { "/unit/app.js", "/unit/sw.js", "/unit/unit.css", "/lib/signalr/signalr.min.js", "/lib/leaflet/leaflet.js" })
        {
            Assert.True((await client.GetAsync(path)).IsSuccessStatusCode, $"{path} is not served to a tablet without a cookie");
        }

        Assert.False((await client.GetAsync("/css/app.css")).IsSuccessStatusCode, "the console's styles are served without a sign-in");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/unit/me")).StatusCode);
    }
}
