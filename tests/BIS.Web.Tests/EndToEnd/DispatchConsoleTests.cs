using BIS.Domain.Feeds;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>
/// The dispatch console in Debian's Chromium against the sample city: sign in, search with a typo,
/// read the card and the map, open an incident, send units, watch a feed run change the card, sign out.
/// Screenshots go to var/screenshots.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DispatchConsoleTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    private async Task<ConsolePage> OpenAsync(int width = 1280, int height = 800, Func<IPage, Task>? beforeSignIn = null)
    {
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var page = await context.NewPageAsync();
        if (beforeSignIn is not null)
        {
            await beforeSignIn(page);
        }

        page.SetDefaultTimeout(20_000);
        page.Dialog += (_, dialog) => Assert.Fail($"A dialog opened: {dialog.Message}");
        var console = new ConsolePage(page, server.BaseAddress);
        await console.SignInAsync("dispatcher", BisWebFactory.DispatcherPassword);
        return console;
    }

    [Fact]
    public async Task A_dispatcher_finds_302_Sumner_with_a_typo_and_reads_its_card_and_map()
    {
        var console = await OpenAsync();
        var page = console.Page;
        await console.ShotAsync("01-console-empty");

        await console.SearchAndPickAsync("302 Sumnr", "302 SUMNER ST", screenshot: "02-search-typo");

        await Assertions.Expect(page.Locator("li.flag").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.flag .flag-source").First).ToContainTextAsync("·");
        await Assertions.Expect(page.Locator("table.hydrants tbody tr").First).ToContainTextAsync(" m");
        await Assertions.Expect(page.Locator(".leaflet-tooltip").First).ToContainTextAsync("302 SUMNER ST");
        await Assertions.Expect(page.Locator(".leaflet-overlay-pane path, .leaflet-overlay-pane canvas").First).ToBeAttachedAsync();
        await console.ShotAsync("03-card-302-sumner");
        console.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_dispatcher_opens_an_incident_sends_the_recommended_unit_sees_a_feed_run_change_the_card_and_signs_out()
    {
        var address = await server.Database.ScalarAsync<string>(
            """
            SELECT b.address_key FROM hazard_index h JOIN building b USING (building_id)
            WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(h.recommendations) r WHERE r ->> 'code' = 'hazmat-company')
            ORDER BY h.max_severity DESC, b.building_id LIMIT 1
            """);
        var console = await OpenAsync();
        var page = console.Page;

        // A typo in the street name ("PORTER" → "PORTR").
        var words = address.Split(' ');
        var typo = string.Join(' ', words.Select((w, i) => i == 1 && w.Length > 4 ? w.Remove(w.Length - 2, 1) : w)).ToLowerInvariant();
        await console.SearchAndPickAsync(typo, address);
        await Assertions.Expect(page.Locator("ul.recs li").First).ToContainTextAsync("Hazardous materials company");
        await Assertions.Expect(page.Locator("li.flag.sev-critical, li.flag.sev-high").First).ToBeVisibleAsync();

        await page.SelectOptionAsync("select[aria-label='Incident type']", "Hazmat release");
        await page.FillAsync("textarea[aria-label='Incident notes']", "Caller reports hissing from a tank behind the building.");
        await page.ClickAsync("button:has-text('Open incident')");
        await Assertions.Expect(page.Locator(".incident-detail h3")).ToContainTextAsync("Hazmat release");
        await Assertions.Expect(page.Locator(".unit-recommendations")).ToContainTextAsync("HAZ1 (Hazardous materials company)");
        await page.Locator(".unit-recommended", new() { HasText = "HAZ1" }).Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("button:has-text('Assign')");
        await Assertions.Expect(page.Locator(".assigned")).ToContainTextAsync("HAZ1");
        await Assertions.Expect(page.Locator(".open-incidents .incident-row").First).ToContainTextAsync("HAZ1");
        await console.ShotAsync("04-incident-opened");

        // A hazmat permit for this building arrives in the next run of that feed: the open card changes in place.
        await AppendHazmatPermitAsync(address);
        await Assertions.Expect(page.Locator(".change")).ToContainTextAsync("New: Hazmat: Propane", new() { Timeout = 60_000 });
        await console.ShotAsync("05-card-changed-live");

        await page.ClickAsync("button:has-text('Sign out')");
        await page.WaitForURLAsync("**/account/signin**");
        await page.GotoAsync(server.BaseAddress + "/dispatch");
        await page.WaitForURLAsync("**/account/signin**");
        console.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_hostile_owner_in_source_data_is_text_on_the_card_and_the_map()
    {
        var console = await OpenAsync();
        var page = console.Page;

        await console.SearchAndPickAsync(SampleCityFiles.HostileOwner, ConsoleServer.HostileBuilding, screenshot: "06-hostile-search");

        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync(SampleCityFiles.HostileOwner);
        await Assertions.Expect(page.Locator(".leaflet-tooltip", new() { HasText = SampleCityFiles.HostileOwner })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        await console.ShotAsync("07-hostile-owner");
        console.AssertNoBrowserProblems();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1920, 1080)]
    public async Task The_console_fits_the_screen_without_overlap_in_both_themes(int width, int height)
    {
        var console = await OpenAsync(width, height);
        var page = console.Page;
        await console.SearchAndPickAsync("302 sumner st", "302 SUMNER ST");

        foreach (var theme in new[] { "dark", "light" })
        {
            if (theme == "light")
            {
                await page.ClickAsync("button:has-text('Light')");
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
            }

            var panes = new List<(string Name, LocatorBoundingBoxResult Box)>();
            foreach (var pane in new[] { ".topbar", ".pane-card", ".pane-map", ".pane-incidents" })
            {
                var box = await page.Locator(pane).BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width + 0.5 && box.Y + box.Height <= height + 0.5, $"{pane} leaves the {width}x{height} screen: {box.X},{box.Y} {box.Width}x{box.Height}");
                panes.Add((pane, box));
            }

            foreach (var (a, boxA) in panes)
            {
                foreach (var (b, boxB) in panes.Where(p => string.CompareOrdinal(p.Name, a) > 0))
                {
                    var overlapX = Math.Min(boxA.X + boxA.Width, boxB.X + boxB.Width) - Math.Max(boxA.X, boxB.X);
                    var overlapY = Math.Min(boxA.Y + boxA.Height, boxB.Y + boxB.Height) - Math.Max(boxA.Y, boxB.Y);
                    Assert.False(overlapX > 1 && overlapY > 1, $"{a} and {b} overlap at {width}x{height}");
                }
            }

            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scrollbar");
            await console.ShotAsync($"08-layout-{width}x{height}-{theme}");
        }

        console.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task The_browser_enforces_the_policy_so_an_injected_inline_script_does_not_run()
    {
        var console = await OpenAsync();
        var page = console.Page;

        var ran = await page.EvaluateAsync<bool>(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); return window.__injected === true; }");

        Assert.False(ran, "an inline script ran despite the Content-Security-Policy");
        await page.WaitForFunctionAsync("() => (window.__cspViolations || []).includes('script-src-elem')");
        Assert.Contains(console.BrowserProblems, problem => problem.Contains("CSP violation: script-src-elem", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dropped_connection_shows_the_reconnect_banner_and_the_console_carries_on()
    {
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        var console = await OpenAsync(beforeSignIn: page => page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), socket =>
        {
            lock (sockets)
            {
                sockets.Add((socket, socket.ConnectToServer()));
            }
        }));
        var page = console.Page;
        // Blazor reports each state as an event on the banner; listened to from the document, capturing.
        await page.EvaluateAsync("() => document.addEventListener('components-reconnect-state-changed', e => (window.__reconnect ||= []).push(e.detail.state), true)");

        var (pageSide, serverSide) = sockets[^1];
        await serverSide.CloseAsync();
        await pageSide.CloseAsync();

        // Back on the same circuit, with nothing refused by the policy on the way: Blazor's built-in overlay
        // would have injected an inline <style>.
        await page.WaitForFunctionAsync("() => (window.__reconnect || []).includes('hide')", null, new() { Timeout = 30_000 });
        Assert.Equal("show", await page.EvaluateAsync<string>("() => window.__reconnect[0]"));
        console.BrowserProblems.RemoveAll(problem => problem.Contains("Connection disconnected with error", StringComparison.Ordinal));
        console.AssertNoBrowserProblems();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        await console.SearchAndPickAsync("302 sumner st", "302 SUMNER ST");
        console.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task Typing_over_a_slow_link_loses_no_characters()
    {
        // A render answering an earlier keystroke arrives 400 ms late, long after later keystrokes were typed.
        var link = new SlowLink(TimeSpan.FromMilliseconds(400));
        var console = await OpenAsync(beforeSignIn: page => link.RouteAsync(page, "/_blazor"));
        var page = console.Page;
        var box = page.Locator("#building-search");

        await box.PressSequentiallyAsync("302 sumner st", new() { Delay = 40 });
        await Assertions.Expect(page.Locator(".search-result .search-address").First).ToBeVisibleAsync();
        await Task.Delay(2 * link.Delay);

        Assert.Equal("302 sumner st", await box.InputValueAsync());
        await console.SearchAndPickAsync("302 sumner st", "302 SUMNER ST");
        console.AssertNoBrowserProblems();
    }

    private async Task AppendHazmatPermitAsync(string address)
    {
        var file = Path.Combine(server.CityDirectory, "hazmat_permits.csv");
        var street = address.Split(',')[0];
        await File.AppendAllTextAsync(file,
            $"HM2099-00001,E2E PROPANE DEPOT,{street},,,Propane,1075,500,gal,2,4,0,,Rear yard,Active,2026-01-01,2099-01-01,,\n");
        var run = await server.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.HazmatPermits, "test", CancellationToken.None);
        Assert.Equal(BIS.Ingest.Ledger.FeedRunStatus.Succeeded, run.Status);
    }
}
