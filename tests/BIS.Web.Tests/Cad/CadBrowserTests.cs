using System.Net;
using BIS.Web.Security;
using BIS.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.Cad;

/// <summary>The mini city on Kestrel for the admin's CAD key page and the API reference in Chromium.</summary>
public sealed class CadBrowserServer : BrowserServer;

/// <summary>
/// An admin makes a CAD key on /admin/cad-keys (shown once), the key works, the admin revokes it and it stops;
/// the API reference renders from BIS alone under the strict CSP.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CadBrowserTests(CadBrowserServer server) : IClassFixture<CadBrowserServer>
{
    private const string AdminPassword = "admin-cad-keys-password";

    private async Task<ConsolePage> SignedInAdminAsync(IBrowserContext context)
    {
        await server.Services.GetRequiredService<LocalAccounts>()
            .CreateAsync("keys-admin", "Keys Admin", BisRoles.Admin, null, AdminPassword, CancellationToken.None);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var console = new ConsolePage(page, server.BaseAddress);
        await console.SignInAsync("keys-admin", AdminPassword);
        return console;
    }

    [Fact]
    public async Task An_admin_makes_a_key_that_works_once_shown_and_revokes_it_and_the_reference_renders_offline()
    {
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var console = await SignedInAdminAsync(context);
        var page = console.Page;

        await page.GotoAsync(server.BaseAddress + "/admin/cad-keys");
        await page.Locator(".cad-keys[data-ready=yes]").WaitForAsync();
        await page.FillAsync("#cad-key-name", "harbor-cad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var shown = page.Locator("[data-new-key]");
        await Assertions.Expect(shown).ToContainTextAsync("bis_cad_");
        var key = (await shown.TextContentAsync())!.Trim();
        await Assertions.Expect(page.Locator("tr[data-client=harbor-cad]")).ToContainTextAsync("ACTIVE");

        using var cad = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };
        cad.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        Assert.Equal(HttpStatusCode.OK, (await cad.GetAsync("/api/units")).StatusCode);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, "cad-keys-created.png") });

        // Shown once: a reload lists the client, never the key.
        await page.ReloadAsync();
        await page.Locator(".cad-keys[data-ready=yes]").WaitForAsync();
        await Assertions.Expect(page.Locator("tr[data-client=harbor-cad]")).ToBeVisibleAsync();
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

        var row = page.Locator("tr[data-client=harbor-cad]");
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke…" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("REVOKED");
        await Assertions.Expect(row).ToContainTextAsync("by keys-admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await cad.GetAsync("/api/units")).StatusCode);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, "cad-keys-revoked.png") });

        await page.GotoAsync(server.BaseAddress + "/api/reference");
        await Assertions.Expect(page.Locator(".swagger-ui .opblock-summary-path").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".swagger-ui")).ToContainTextAsync("/api/incidents/{id}/units/unassign");
        await Assertions.Expect(page.Locator(".swagger-ui .title")).ToContainTextAsync("BIS CAD API");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, "cad-api-reference.png"), FullPage = true });
        await page.Locator(".opblock-post .opblock-summary").First.ClickAsync();
        await Assertions.Expect(page.Locator(".opblock-post.is-open")).ToContainTextAsync("Idempotency-Key");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleServer.ScreenshotDirectory, "cad-api-reference-post.png"), FullPage = true });

        console.AssertNoBrowserProblems();
        await context.DisposeAsync();
    }
}
