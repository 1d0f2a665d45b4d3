using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.Steward;

/// <summary>The mini city on real Kestrel with the scheduler running, so Accept anyway goes through Quartz as in production.</summary>
public sealed class RunPageBrowserServer : BrowserServer
{
    protected override bool RunScheduler => true;
}

/// <summary>
/// A run's page in Debian's Chromium: a refused run says why and is applied with Accept anyway; a run with rejected,
/// hostile and unmatched rows reads well in both themes. Screenshots go to $BIS_SHOTS (default var/screenshots/runpage).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RunPageBrowserTests(RunPageBrowserServer server) : IClassFixture<RunPageBrowserServer>
{
    private static readonly string Shots = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("BIS_SHOTS") is { Length: > 0 } shots ? shots : Path.Combine(RepoPaths.Root, "var", "screenshots", "runpage")).FullName;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_refused_run_shows_its_reason_and_accept_anyway_applies_it_then_a_run_with_rejections_reads_as_text()
    {
        var runner = server.Services.GetRequiredService<FeedRunner>();
        var rows = Enumerable.Range(1, 40).Select(i => MiniCity.ViolationRow($"W{i}", "Open", "Maintenance", "302", "Sumner", "ST")).ToArray();
        server.City.WriteViolations(rows);
        Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        server.City.WriteViolations(rows[..5]);
        var refused = await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(RefusalGate.RowCount, refused.RefusedGate);

        var (page, console) = await OpenAsync($"/steward/runs/{refused.RunId}", 1280, 800);
        await Assertions.Expect(page.Locator(".run-refusal .run-reason")).ToContainTextAsync("Row count collapsed: 5 valid rows against 40");
        await ShotAsync(page, "refused-run-1280x800");

        // The button does something only once the circuit is up: ask again until the confirmation shows.
        await ClickUntilAsync(page, ".run-refusal .btn-accept", ".run-refusal .accept-confirm");
        await ShotAsync(page, "refused-run-confirm-1280x800");
        await page.ClickAsync(".accept-confirm .btn-danger");
        await Assertions.Expect(page.Locator(".run-refusal .run-status.status-succeeded")).ToBeVisibleAsync(new() { Timeout = (float)RunTimeout.TotalMilliseconds });
        await ShotAsync(page, "refused-run-accepted-1280x800");

        Assert.Equal(5L, await server.Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations'"));
        Assert.Equal("succeeded|steward", await server.Database.ScalarAsync<string>(
            $"SELECT status || '|' || accepted_by FROM feed_run WHERE accepts_run_id = {refused.RunId}"));
        Assert.Equal(1L, await server.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'feed.accept' AND actor = 'steward'"));

        server.City.WriteViolations(
        [
            .. rows[..5],
            MiniCity.ViolationRow("U1", "Open", "No smoke detector", "22", "Saratoga", "ST"),
            MiniCity.ViolationRow("U2", "Open", "Porch rotten", "999", "Sumner", "ST"),
            .. Enumerable.Range(1, 60).Select(i => MiniCity.ViolationRow("", "Open", $"Row {i} without a case", "302", "Sumner", "ST")),
            MiniCity.ViolationRow("=cmd|' /C calc'!A0", "Open", "<script>alert('x')</script>", "", "", ""),
            MiniCity.ViolationRow("", "Open", "A very long description " + string.Concat(Enumerable.Repeat("that goes on and on ", 20)), "304", "Sumner", "ST"),
        ]);
        var rejecting = await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, rejecting.Status);

        await page.GotoAsync($"{server.BaseAddress}/steward/runs/{rejecting.RunId}");
        await Assertions.Expect(page.Locator("tr.rejected-row")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("tr.unmatched-row")).ToHaveCountAsync(2);
        await ShotAsync(page, "run-with-rejections-1280x800");
        await page.Locator("section[aria-label='Unmatched records']").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "run-with-rejections-1280x800-unmatched");

        await page.GotoAsync($"{server.BaseAddress}/steward/runs/{rejecting.RunId}?page=2");
        await Assertions.Expect(page.Locator("code.raw", new() { HasText = "<script>alert('x')</script>" })).ToBeVisibleAsync();
        // The long description and the hostile row (a long one too) fold; the others fit on a line.
        await Assertions.Expect(page.Locator("details.raw-fold")).ToHaveCountAsync(2);

        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync($"{server.BaseAddress}/steward/runs/{rejecting.RunId}");
        await Assertions.Expect(page.Locator("tr.rejected-row")).ToHaveCountAsync(50);
        await ShotAsync(page, "run-with-rejections-1920x1080");
        await page.EvaluateAsync("() => window.bisTheme.toggle()");
        await ShotAsync(page, "run-with-rejections-1920x1080-light");
        await page.Locator("section[aria-label='Unmatched records']").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "run-with-rejections-1920x1080-light-unmatched");
        await page.GotoAsync($"{server.BaseAddress}/steward/runs/{refused.RunId}");
        await Assertions.Expect(page.Locator(".run-refusal")).ToBeVisibleAsync();
        await ShotAsync(page, "refused-run-accepted-1920x1080-light");

        // The board links each feed's last run and its discrepancy report.
        await page.GotoAsync($"{server.BaseAddress}/steward");
        var row = page.Locator("tr.feed-row[data-feed='violations']");
        await Assertions.Expect(row.Locator("a[href$='/discrepancies.csv']")).ToBeVisibleAsync();
        await ShotAsync(page, "board-with-run-links-1920x1080-light");
        await row.Locator($"a[href='/steward/runs/{rejecting.RunId}']").ClickAsync();
        await page.WaitForURLAsync($"**/steward/runs/{rejecting.RunId}");
        await Assertions.Expect(page.Locator("tr.rejected-row")).ToHaveCountAsync(50);

        // The filter narrows the rows through the query string.
        await page.GotoAsync($"{server.BaseAddress}/steward/runs/{rejecting.RunId}");
        await ClickUntilAsync(page, "#reason-filter", "#reason-filter", select: "missing case_no");
        await Assertions.Expect(page.Locator(".run-section-head .count").First).ToContainTextAsync("with this reason");
        console.AssertNoBrowserProblems();
    }

    private async Task<(IPage Page, ConsolePage Console)> OpenAsync(string path, int width, int height)
    {
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.Dialog += (_, dialog) => Assert.Fail($"A dialog opened: {dialog.Message}");
        var console = new ConsolePage(page, server.BaseAddress);
        await page.GotoAsync(server.BaseAddress + path);
        await page.WaitForURLAsync("**/account/signin**");
        await page.FillAsync("input[name=username]", "steward");
        await page.FillAsync("input[name=password]", "steward-test-password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**" + path);
        return (page, console);
    }

    /// <summary>Clicks (or picks <paramref name="select"/>) until <paramref name="shows"/> is there: before the circuit connects, a click does nothing.</summary>
    private static async Task ClickUntilAsync(IPage page, string target, string shows, string? select = null)
    {
        await Eventually.HoldsAsync(async () =>
        {
            if (select is not null)
            {
                await page.SelectOptionAsync(target, select);
                return await WaitAsync(() => page.WaitForURLAsync("**reason=**", new() { Timeout = 1_000 }));
            }

            await page.ClickAsync(target);
            return await WaitAsync(() => page.Locator(shows).WaitForAsync(new() { Timeout = 1_000 }));
        }, TimeSpan.FromSeconds(60), $"{target} never led to {shows}");
    }

    private static async Task<bool> WaitAsync(Func<Task> wait)
    {
        try
        {
            await wait();
            return true;
        }
        catch (Exception ex) when (ex is PlaywrightException or System.TimeoutException)
        {
            return false;
        }
    }

    private static Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png") });
}
