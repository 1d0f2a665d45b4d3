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
        await Assertions.Expect(results.First).ToBeVisibleAsync();
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

    public Task ShotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, name + ".png") });
}
