using System.Net.Http.Json;
using BIS.Web.Security;
using BIS.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.UnitView;

/// <summary>/admin/devices in Chromium: an admin issues a pairing code, a tablet pairs with it, the admin revokes the tablet.</summary>
[Trait("Category", "EndToEnd")]
public sealed class DevicesPageTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    private const string AdminPassword = "admin-test-password-devices";

    [Fact]
    public async Task An_admin_issues_a_pairing_code_sees_the_paired_tablet_and_revokes_it_after_confirming()
    {
        await server.Services.GetRequiredService<LocalAccounts>().CreateAsync("admin", "Test Admin", BisRoles.Admin, null, AdminPassword, CancellationToken.None);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(ConsolePage.CspViolationReporter);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var console = new ConsolePage(page, server.BaseAddress);
        await console.SignInAsync("admin", AdminPassword);

        await page.ClickAsync("a.topnav-link[href='/admin/devices']");
        await page.WaitForURLAsync("**/admin/devices");
        await page.SelectOptionAsync("#pairing-unit", "E56");
        await Assertions.Expect(page.Locator("#issue-code")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await page.ClickAsync("#issue-code");
        var shown = await page.Locator("#pairing-code").InnerTextAsync();
        Assert.Matches("^[A-Z0-9]{4} [A-Z0-9]{4}$", shown);
        await Assertions.Expect(page.Locator(".pairing-code-meta")).ToContainTextAsync("expires");
        await ShotAsync(page, "admin-devices-code");

        // The crew types it as read off the screen, space and all.
        using var tablet = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };
        var paired = await tablet.PostAsJsonAsync("/api/devices/pair", new { code = shown, name = "E56 cab" });
        Assert.True(paired.IsSuccessStatusCode, $"pairing answered {paired.StatusCode}");
        var answer = (await paired.Content.ReadFromJsonAsync<PairAnswer>())!;
        var deviceId = answer.DeviceId;

        await page.ReloadAsync();
        var row = page.Locator($"tr[data-device='{deviceId}']");
        await Assertions.Expect(row).ToContainTextAsync("E56 cab", new() { Timeout = 20_000 });
        await Assertions.Expect(row).ToContainTextAsync("Active");
        // After a reload the prerendered button shows before the circuit wires its handler: press until it answers.
        await Eventually.HoldsAsync(async () =>
        {
            await row.Locator("button", new() { HasTextString = "Revoke…" }).ClickAsync();
            try
            {
                await row.Locator(".confirm").WaitForAsync(new() { Timeout = 2_000 });
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "Revoke… never asked for confirmation");
        await row.Locator("button", new() { HasTextString = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked", new() { Timeout = 20_000 });
        await ShotAsync(page, "admin-devices-revoked");

        Assert.True(await server.Database.ScalarAsync<bool>($"SELECT revoked_at IS NOT NULL AND revoked_by = 'admin' FROM unit_device WHERE device_id = {deviceId}"));
        Assert.Equal(1L, await server.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = 'device-revoked' AND detail = 'device {deviceId}'"));
        Assert.True(await server.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'device-pairing-code' AND detail = 'unit E56'") >= 1);
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/unit/me");
        me.Headers.Authorization = new("Bearer", answer.Token);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await tablet.SendAsync(me)).StatusCode);
        console.AssertNoBrowserProblems();
        await context.CloseAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(ConsoleServer.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path });
        File.Copy(path, Path.Combine(Directory.CreateDirectory("/work/shots/tablet").FullName, name + ".png"), overwrite: true);
    }

    private sealed record PairAnswer(long DeviceId, string UnitId, string Token);
}
