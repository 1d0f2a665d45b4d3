using BIS.Domain.Feeds;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Tests.EndToEnd;
using Microsoft.Playwright;

namespace BIS.Web.Tests.Steward;

/// <summary>The mini city in Chromium, with one violation at an address no building has ("12 Nowhere St").</summary>
public sealed class ManualLinkBrowserServer : BrowserServer
{
    protected override async Task LoadAsync(FeedRunner runner)
    {
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("V3", "Open", "Unsafe and Dangerous", "12", "Nowhere", "ST"));
        await runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None);
        await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
    }
}

/// <summary>A steward fixes an unmatched record's link in the browser: search as on the console, Link here, Unlink, history.</summary>
public sealed class ManualLinkPageTests(ManualLinkBrowserServer server) : IClassFixture<ManualLinkBrowserServer>
{
    private static readonly string Shots = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("BIS_LINK_SHOTS") ?? Path.Combine(RepoPaths.Root, "var", "screenshots", "links")).FullName;

    [Fact]
    public async Task A_steward_links_an_unmatched_record_to_a_building_found_by_search_and_then_unlinks_it()
    {
        var recordId = await server.Database.ScalarAsync<string>("SELECT record_id FROM feed_record WHERE feed = 'violations' AND record_id LIKE 'V3#%'");
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var page = await context.NewPageAsync();
        var console = new ConsolePage(page, server.BaseAddress);
        var address = $"{server.BaseAddress}/steward/records/violations/{Uri.EscapeDataString(recordId)}";

        await page.GotoAsync(address);
        await page.WaitForURLAsync("**/account/signin**");
        await page.FillAsync("input[name=username]", "steward");
        await page.FillAsync("input[name=password]", "steward-test-password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/steward/records/**");

        await Assertions.Expect(page.Locator(".unmatched-reason")).ToContainTextAsync("12 NOWHERE ST");
        await Assertions.Expect(page.Locator(".record-attrs")).ToContainTextAsync("Unsafe and Dangerous");
        await SearchAndPickAsync(page, "304 sumner", "304 SUMNER ST");
        await page.FillAsync(".note-input", "Nowhere St is the old name of this block");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "record-unmatched-picked.png"), FullPage = true });

        await page.ClickAsync("button:has-text('Link here')");
        await Assertions.Expect(page.Locator(".fix-done")).ToContainTextAsync("Linked to", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".match-method")).ToHaveTextAsync("manual");
        await Assertions.Expect(page.Locator(".record-link")).ToContainTextAsync("304 SUMNER ST");
        await Assertions.Expect(page.Locator(".link-history tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "record-linked.png"), FullPage = true });
        Assert.Equal("manual", await server.Database.ScalarAsync<string>(
            $"SELECT f.match_method FROM feed_record f JOIN building b USING (building_id) WHERE f.feed = 'violations' AND f.record_id = '{recordId}' AND b.parcel_id = '0102290000'"));

        await page.ClickAsync("button:has-text('Unlink')");
        await Assertions.Expect(page.Locator(".fix-done")).ToContainTextAsync("Unlinked", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".record-link")).ToContainTextAsync("No building");
        await Assertions.Expect(page.Locator(".link-history tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".link-history tbody tr").First).ToContainTextAsync("left unmatched");

        await page.EvaluateAsync("bisTheme.toggle()");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "record-unlinked-light.png"), FullPage = true });
        console.AssertNoBrowserProblems();
    }

    /// <summary>Types until the circuit is interactive and the building shows among the results, then picks it.</summary>
    private static async Task SearchAndPickAsync(IPage page, string text, string expected)
    {
        var box = page.Locator("#building-search");
        var result = page.Locator(".search-result .search-address").Filter(new() { HasTextString = expected }).First;
        for (var attempt = 1; ; attempt++)
        {
            await box.FillAsync("");
            await box.PressSequentiallyAsync(text, new() { Delay = 30 });
            try
            {
                await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
                // Typed before the circuit was interactive: the keystrokes went nowhere; type again.
            }
        }

        await result.DispatchEventAsync("mousedown");
        await Assertions.Expect(page.Locator(".picked")).ToContainTextAsync(expected);
    }
}
