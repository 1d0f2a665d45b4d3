using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BIS.Web.Tests.Security;

namespace BIS.Web.Tests.Units;

/// <summary>An admin issues a one-time code; the tablet exchanges it for a device token; the token speaks for the unit only.</summary>
public sealed class DevicePairingTests(UnitPushServer server) : IClassFixture<UnitPushServer>
{
    [Fact]
    public async Task An_admin_code_pairs_a_tablet_once_and_its_token_says_which_unit()
    {
        using var admin = server.CreateHttpClient();
        await SignIn.AsAsync(admin, "admin", UnitPushServer.AdminPassword);
        await CsrfToken.AttachAsync(admin);
        var issued = await admin.PostAsJsonAsync("/api/devices/pairing-codes", new { unitId = "e5" });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var code = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E5", code.GetProperty("unitId").GetString());
        Assert.Equal(8, code.GetProperty("code").GetString()!.Length);
        Assert.InRange(code.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(11));

        using var tablet = server.CreateHttpClient();
        var typed = code.GetProperty("code").GetString()!.ToLowerInvariant().Insert(4, "-");
        var paired = await tablet.PostAsJsonAsync("/api/devices/pair", new { code = typed, name = "Engine 5 tablet" });
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        var device = await paired.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E5", device.GetProperty("unitId").GetString());
        var token = device.GetProperty("token").GetString()!;

        var again = await tablet.PostAsJsonAsync("/api/devices/pair", new { code = typed, name = "second tablet" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await tablet.GetFromJsonAsync<JsonElement>("/api/unit/me");
        Assert.Equal("E5", me.GetProperty("unitId").GetString());
        Assert.Equal("Engine 5", me.GetProperty("unitName").GetString());
        Assert.Equal("device", me.GetProperty("via").GetString());

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/devices");
        var row = listed.EnumerateArray().Single(d => d.GetProperty("deviceId").GetInt64() == device.GetProperty("deviceId").GetInt64());
        Assert.Equal("Engine 5 tablet", row.GetProperty("name").GetString());
        Assert.Equal("admin", row.GetProperty("pairedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("lastSeenAt").ValueKind);
    }

    [Fact]
    public async Task Wrong_expired_and_malformed_codes_get_the_same_400()
    {
        using var tablet = server.CreateHttpClient();
        var expired = await server.Devices.IssueCodeAsync("E56", UnitPushServer.Admin, CancellationToken.None);
        await server.ExecuteAsync("UPDATE unit_pairing_code SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND unit_id = 'E56'");

        foreach (var code in new[] { expired.Code, "ABCDEFGH", "short", "", new string('x', 5000) })
        {
            var answer = await tablet.PostAsJsonAsync("/api/devices/pair", new { code, name = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("wrong, expired or already used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var notJson = await tablet.PostAsync("/api/devices/pair", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_issues_codes_and_lists_devices_and_a_token_is_no_admin()
    {
        using var dispatcher = server.CreateHttpClient();
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        await CsrfToken.AttachAsync(dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/devices/pairing-codes", new { unitId = "E5" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/devices")).StatusCode);

        var device = await server.PairAsync("L21");
        using var tablet = server.CreateHttpClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await tablet.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND actor = 'device:{device.DeviceId}:L21' AND detail = 'GET /api/devices'"));

        using var anonymous = server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/unit/me")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/unit/me")).StatusCode);
    }

    [Fact]
    public async Task A_firefighter_signed_in_with_a_unit_is_that_unit()
    {
        using var firefighter = server.CreateHttpClient();
        await SignIn.AsAsync(firefighter, "ff-e9", UnitPushServer.FirefighterPassword);
        var me = await firefighter.GetFromJsonAsync<JsonElement>("/api/unit/me");
        Assert.Equal("E9", me.GetProperty("unitId").GetString());
        Assert.Equal("account", me.GetProperty("via").GetString());
    }

    [Fact]
    public async Task A_token_in_the_query_string_is_taken_on_the_unit_hub_only()
    {
        var device = await server.PairAsync("SQ1");
        using var browser = server.CreateHttpClient();
        var negotiate = await browser.PostAsync($"/hubs/units/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(device.Token)}", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/unit/me?access_token={Uri.EscapeDataString(device.Token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync("/hubs/units/negotiate?negotiateVersion=1&access_token=wrong", null)).StatusCode);
    }
}
