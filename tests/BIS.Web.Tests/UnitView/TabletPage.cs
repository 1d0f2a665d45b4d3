using BIS.Web.Tests.EndToEnd;
using Microsoft.Playwright;

namespace BIS.Web.Tests.UnitView;

/// <summary>
/// A tablet in Chromium: its own browser context (so its IndexedDB and service worker are its own), the hub's
/// WebSocket routed through Playwright so a test can cut the link, and every browser problem recorded.
/// </summary>
internal sealed class TabletPage
{
    private readonly List<IWebSocketRoute> _sockets = [];
    private volatile bool _cut;

    private TabletPage(IBrowserContext context, IPage page, string baseAddress)
    {
        Context = context;
        Page = page;
        BaseAddress = baseAddress;
        Problems = new ConsolePage(page, baseAddress);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string BaseAddress { get; }

    /// <summary>Console errors, uncaught errors and CSP violations (the dispatch console's watcher).</summary>
    public ConsolePage Problems { get; }

    public static async Task<TabletPage> OpenAsync(IBrowser browser, string baseAddress, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, ServiceWorkers = ServiceWorkerPolicy.Allow });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        page.Dialog += (_, dialog) => Assert.Fail($"A dialog opened: {dialog.Message}");
        var tablet = new TabletPage(context, page, baseAddress);
        // Every hub socket goes through here: to the server while the link is up, refused while it is cut.
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/units"), socket =>
        {
            if (tablet._cut)
            {
                _ = socket.CloseAsync();
                return;
            }

            socket.ConnectToServer();
            lock (tablet._sockets)
            {
                tablet._sockets.Add(socket);
            }
        });
        return tablet;
    }

    public Task GotoAsync() => Page.GotoAsync(BaseAddress + "/unit");

    /// <summary>
    /// The cab drives into a dead zone: open hub sockets close, new ones are refused, HTTP fails (offline emulation
    /// alone leaves an open WebSocket up).
    /// </summary>
    public async Task CutLinkAsync()
    {
        _cut = true;
        await Context.SetOfflineAsync(true);
        IWebSocketRoute[] open;
        lock (_sockets)
        {
            open = [.. _sockets];
            _sockets.Clear();
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync();
        }
    }

    public async Task RestoreLinkAsync()
    {
        _cut = false;
        await Context.SetOfflineAsync(false);
    }

    /// <summary>Waits until the service worker controls the page, i.e. the shell is cached and will open with no network.</summary>
    public Task WaitForOfflineShellAsync() =>
        Page.WaitForFunctionAsync("() => navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)");

    /// <summary>
    /// Browser problems, less what a dead zone makes by design: Chromium reports each refused request and socket
    /// while the link is cut (and the fresh tablet's "who am I" answered 401 before pairing).
    /// </summary>
    public void AssertNoProblemsBut(params string[] expected)
    {
        lock (Problems.BrowserProblems)
        {
            var real = Problems.BrowserProblems.Where(p => !expected.Any(e => p.Contains(e, StringComparison.Ordinal))).ToList();
            Assert.True(real.Count == 0, "browser console: " + string.Join(" ‖ ", real));
        }
    }

    public async Task ShotAsync(string name)
    {
        // Leaflet has drawn the vectors (no tiles to wait for: the tablet map has none).
        await Page.WaitForFunctionAsync("() => !document.querySelector('.leaflet-zoom-anim')");
        var path = Path.Combine(ConsoleServer.ScreenshotDirectory, "tablet-" + name + ".png");
        await Page.ScreenshotAsync(new() { Path = path });
        var shared = Directory.CreateDirectory("/work/shots/tablet");
        File.Copy(path, Path.Combine(shared.FullName, Path.GetFileName(path)), overwrite: true);
    }
}
