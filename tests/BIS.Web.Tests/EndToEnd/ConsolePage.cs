using Microsoft.Playwright;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>What a dispatcher does in the browser, step by step, with a screenshot where a person would look.</summary>
internal sealed class ConsolePage(IPage page, string baseAddress)
{
    public IPage Page => page;

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
        Assert.True(index >= 0, $"'{text}' did not list {expectedAddress}: {string.Join(" | ", addresses)}");
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
