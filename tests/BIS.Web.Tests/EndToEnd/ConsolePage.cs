using Microsoft.Playwright;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>What a dispatcher does in the browser, step by step, with a screenshot where a person would look.</summary>
internal sealed class ConsolePage(IPage page, string baseAddress)
{
    /// <summary>
    /// For the browser context, before any page: reports every Content-Security-Policy violation as a console error
    /// (Chromium logs most of them itself; this catches every kind, with the directive) and keeps the directives.
    /// </summary>
    public const string CspViolationReporter = """
        document.addEventListener("securitypolicyviolation", (e) => {
          (window.__cspViolations ||= []).push(e.violatedDirective);
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
        });
        """;

    public IPage Page => page;

    /// <summary>Console errors, uncaught script errors and CSP violations seen so far.</summary>
    public List<string> BrowserProblems { get; } = Watch(page);

    /// <summary>The console ran with the CSP in force and nothing was blocked or went wrong in the browser.</summary>
    public void AssertNoBrowserProblems()
    {
        lock (BrowserProblems)
        {
            Assert.True(BrowserProblems.Count == 0, "browser console: " + string.Join(" ‖ ", BrowserProblems));
        }
    }

    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (problems)
                {
                    problems.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add("uncaught: " + error);
            }
        };
        return problems;
    }

    public async Task SignInAsync(string username, string password)
    {
        await page.GotoAsync(baseAddress + "/dispatch");
        await page.WaitForURLAsync("**/account/signin**");
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/dispatch");
        // The map is created only once the circuit is interactive; typing before that would be lost.
        await page.Locator(".leaflet-container").WaitForAsync();
    }

    /// <summary>Types the text, waits for the expected building among the results and picks it with the keyboard.</summary>
    public async Task SearchAndPickAsync(string text, string expectedAddress, string? screenshot = null)
    {
        var box = page.Locator("#building-search");
        await box.FillAsync("");
        await box.PressSequentiallyAsync(text, new() { Delay = 30 });
        var results = page.Locator(".search-result .search-address");
        try
        {
            // The list may still hold the answer to a prefix typed a moment ago ("11" of "113 portr st") on a busy
            // machine: wait for the answer to the whole text rather than reading the first list that shows.
            await Assertions.Expect(results.Filter(new() { HasTextString = expectedAddress }).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        catch (PlaywrightException)
        {
            // Not listed: the assertion below names what was.
        }

        var addresses = await results.AllInnerTextsAsync();
        var index = addresses.ToList().FindIndex(a => a.StartsWith(expectedAddress, StringComparison.Ordinal));
        if (index < 0)
        {
            // What the box held and what the console said, so a failure says whether the typing, the search or the answer went wrong.
            var typed = await box.InputValueAsync();
            var messages = await page.Locator(".search-message").AllInnerTextsAsync();
            Assert.Fail($"'{text}' did not list {expectedAddress}: [{string.Join(" | ", addresses)}]; the box held '{typed}'; message: {string.Join(" ", messages)}");
        }

        if (screenshot is not null)
        {
            await ShotAsync(screenshot);
        }

        for (var i = 0; i < index; i++)
        {
            await box.PressAsync("ArrowDown");
        }

        await box.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".card-title h2")).ToContainTextAsync(expectedAddress);
    }

    /// <summary>
    /// A screenshot once the map has settled (no zoom animation, one zoom level of tiles, all drawn), so it shows what a
    /// dispatcher sees rather than the stretched tiles Leaflet keeps while the new zoom loads.
    /// </summary>
    public async Task ShotAsync(string name)
    {
        const string MapSettled =
            "() => !document.querySelector('.leaflet-zoom-anim')" +
            " && [...document.querySelectorAll('.leaflet-tile-container')].filter(level => level.children.length > 0).length === 1" +
            " && document.querySelectorAll('.leaflet-tile-container .leaflet-tile:not(.leaflet-tile-loaded)').length === 0";
        try
        {
            await page.WaitForFunctionAsync(MapSettled, null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // A screenshot is a record, not an assertion: take it anyway, unsettled.
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, name + ".png") });
    }
}
