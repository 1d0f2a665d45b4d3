using BIS.Web.Tests.EndToEnd;
using Microsoft.Playwright;

namespace BIS.Web.Tests.Steward;

/// <summary>A steward's board in Chromium: signed in, live, watched for console errors and CSP violations.</summary>
internal sealed class BoardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BoardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Console = new ConsolePage(page, "");
    }

    public IPage Page { get; }

    /// <summary>The console and CSP watcher the dispatch console's tests use.</summary>
    public ConsolePage Console { get; }

    public static async Task<BoardPage> OpenAsync(BoardServer server, int width = 1600, int height = 1000)
    {
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var page = await context.NewPageAsync();
        var board = new BoardPage(context, page);
        await page.GotoAsync(server.BaseAddress + "/steward");
        await page.WaitForURLAsync("**/account/signin**");
        await page.FillAsync("input[name=username]", "steward");
        await page.FillAsync("input[name=password]", "steward-test-password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/steward");
        // Prerendered buttons do nothing: wait for the live circuit.
        await page.Locator(".steward[data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });
        return board;
    }

    public ILocator Row(string feed) => Page.Locator($"tr[data-feed={feed}]");

    public Task ShotAsync(string name) => Page.ScreenshotAsync(new() { Path = Path.Combine(BoardServer.ShotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
