using BIS.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>The mini city in the browser, accounts re-checked every second.</summary>
public sealed class SessionConsoleServer : BrowserServer
{
    protected override Dictionary<string, string?> FeedSettings()
    {
        var settings = base.FeedSettings();
        settings["Security:RevalidateEvery"] = "00:00:01";
        return settings;
    }
}

/// <summary>
/// An open console in a real browser: its card views are audited with the browser's address and user
/// agent, and disabling the account signs the open console out within the re-check interval.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ConsoleSessionTests(SessionConsoleServer server) : IClassFixture<SessionConsoleServer>
{
    [Fact]
    public async Task A_console_audits_its_views_with_the_browser_origin_and_is_signed_out_when_the_account_is_disabled()
    {
        await server.Services.GetRequiredService<LocalAccounts>()
            .CreateAsync("console-relief", "Console Relief", BisRoles.Dispatcher, null, "console-relief-password", CancellationToken.None);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var console = new ConsolePage(page, server.BaseAddress);
        await console.SignInAsync("console-relief", "console-relief-password");
        // Typing while the map still loads can lose keys on a busy machine: wait for it, as a person would.
        await console.ShotAsync("session-console");

        await console.SearchAndPickAsync("302 Sumner", "302 SUMNER ST");

        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM audit_log WHERE action = 'view-hazards' AND actor = 'console-relief'
               AND client_address = '127.0.0.1' AND user_agent LIKE '%Chrome%'
            """));

        await server.Database.ScalarAsync<long>(
            "WITH d AS (UPDATE app_user SET disabled = true WHERE username = 'console-relief' RETURNING 1) SELECT count(*) FROM d");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your session has ended", new() { Timeout = 5_000 });
        await Assertions.Expect(page.Locator(".card-title h2")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, "session-ended.png") });
        await context.DisposeAsync();
    }
}
