using System.Net;
using BIS.Web.Tests.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace BIS.Web.Tests.Units;

/// <summary>The unit hub with real SignalR clients on loopback: who may connect, what each unit gets, and nothing of another's.</summary>
public sealed class UnitHubTests(UnitPushServer server) : IClassFixture<UnitPushServer>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_assignment_reaches_the_assigned_unit_whole_and_no_other()
    {
        var e5 = await server.PairAsync("E5");
        var l2 = await server.PairAsync("L2");
        await using var e5Tablet = new TabletClient(UnitPushServer.HubWithToken(server.BaseAddress, e5.Token));
        await using var l2Tablet = new TabletClient(UnitPushServer.HubWithToken(server.BaseAddress, l2.Token));
        await e5Tablet.StartAsync();
        await l2Tablet.StartAsync();
        var e5Before = e5Tablet.LastApplied;
        var l2Before = l2Tablet.LastApplied;

        var incident = await server.Book.OpenAsync(await server.BuildingAsync("302 SUMNER ST"), "Structure fire", "smoke showing", UnitPushServer.Dispatcher, CancellationToken.None);
        await server.Book.AssignAsync(incident.IncidentId, ["E5"], UnitPushServer.Dispatcher, CancellationToken.None);

        await Eventually.HoldsAsync(() => e5Tablet.LastApplied == e5Before + 1, Within, "E5 never got its assignment");
        var message = e5Tablet.Applied[^1];
        Assert.Equal("assigned", message.Kind);
        Assert.Equal(incident.IncidentId, message.IncidentId);
        Assert.Equal("Structure fire", TabletClient.IncidentTypeOf(message));
        Assert.Equal("smoke showing", message.Body.GetProperty("incident").GetProperty("notes").GetString());
        Assert.Equal(["E5"], message.Body.GetProperty("incident").GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        var summary = TabletClient.SummaryOf(message);
        Assert.Equal(await server.BuildingAsync("302 SUMNER ST"), summary.GetProperty("buildingId").GetInt64());
        Assert.True(summary.TryGetProperty("flags", out _) && summary.TryGetProperty("nearestHydrants", out _) && summary.TryGetProperty("footprint", out _));
        Assert.Equal("dispatched", await server.Database.ScalarAsync<string>("SELECT status FROM unit WHERE unit_id = 'E5'"));
        await Eventually.HoldsAsync(
            async () => await server.Database.ScalarAsync<bool>($"SELECT sent_at IS NOT NULL FROM unit_message WHERE unit_id = 'E5' AND seq = {message.Seq}"),
            Within, "the pushed message was never marked sent");

        // L2 heard nothing, and asking again gives it nothing of E5's.
        Assert.Equal(l2Before, l2Tablet.LastApplied);
        await l2Tablet.ResumeAsync();
        Assert.DoesNotContain(l2Tablet.Applied, m => m.IncidentId == incident.IncidentId);

        await e5Tablet.Connection.InvokeAsync("Acknowledge", message.Seq);
        Assert.True(await server.Database.ScalarAsync<bool>(
            $"SELECT shown_at IS NOT NULL AND received_at IS NOT NULL FROM unit_message WHERE unit_id = 'E5' AND seq = {message.Seq}"));
        Assert.Equal("enroute", await e5Tablet.Connection.InvokeAsync<string>("SetStatus", "enroute"));
        await Assert.ThrowsAsync<HubException>(() => e5Tablet.Connection.InvokeAsync<string>("SetStatus", "dispatched"));
        await server.Book.CloseAsync(incident.IncidentId, UnitPushServer.Dispatcher, CancellationToken.None);
        await Eventually.HoldsAsync(() => e5Tablet.Applied[^1].Kind == "closed", Within, "E5 never heard the incident closed");
    }

    [Fact]
    public async Task A_unit_asking_for_another_units_incident_is_refused_and_audited()
    {
        var a = await server.PairAsync("R1");
        var incident = await server.Book.OpenAsync(await server.BuildingAsync("304 SUMNER ST"), "Rescue", null, UnitPushServer.Dispatcher, CancellationToken.None);
        await server.Book.AssignAsync(incident.IncidentId, ["SQ1"], UnitPushServer.Dispatcher, CancellationToken.None);
        await using var tablet = new TabletClient(UnitPushServer.HubWithToken(server.BaseAddress, a.Token));
        await tablet.StartAsync();

        var refusal = await Assert.ThrowsAsync<HubException>(() => tablet.Connection.InvokeAsync<object>("Summary", incident.IncidentId));
        Assert.Contains($"not on incident {incident.IncidentId}", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND actor = 'device:{a.DeviceId}:R1' AND detail = 'hub Summary of incident {incident.IncidentId}'"));
        await server.Book.CloseAsync(incident.IncidentId, UnitPushServer.Dispatcher, CancellationToken.None);
    }

    [Fact]
    public async Task Anonymous_gets_401_a_dispatcher_403_audited_and_a_cookie_from_another_site_403()
    {
        await using var anonymous = UnitPushServer.HubWithToken(server.BaseAddress, "not-a-device-token");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var dispatcherCookies = new CookieContainer();
        using (var dispatcher = server.CreateHttpClient(dispatcherCookies))
        {
            await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        }

        await using var dispatcherHub = UnitPushServer.HubWithCookies(server.BaseAddress, dispatcherCookies);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<HttpRequestException>(() => dispatcherHub.StartAsync())).StatusCode);
        Assert.True(await server.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND actor = 'dispatcher' AND detail LIKE 'POST /hubs/units (not a unit)'") >= 1);

        var firefighterCookies = new CookieContainer();
        using (var firefighter = server.CreateHttpClient(firefighterCookies))
        {
            await SignIn.AsAsync(firefighter, "ff-e9", UnitPushServer.FirefighterPassword);
        }

        await using var crossSite = UnitPushServer.HubWithCookies(server.BaseAddress, firefighterCookies, "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<HttpRequestException>(() => crossSite.StartAsync())).StatusCode);

        await using var sameSite = new TabletClient(UnitPushServer.HubWithCookies(server.BaseAddress, firefighterCookies, server.BaseAddress.TrimEnd('/')));
        await sameSite.StartAsync();
        Assert.Equal(HubConnectionState.Connected, sameSite.Connection.State);
    }

    [Fact]
    public async Task A_revoked_device_is_cut_off_and_cannot_come_back()
    {
        var device = await server.PairAsync("TL17");
        await using var tablet = new TabletClient(UnitPushServer.HubWithToken(server.BaseAddress, device.Token));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tablet.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await tablet.StartAsync();

        Assert.True(await server.Devices.RevokeAsync(device.DeviceId, UnitPushServer.Admin, CancellationToken.None));
        await closed.Task.WaitAsync(Within);

        await using var again = UnitPushServer.HubWithToken(server.BaseAddress, device.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync())).StatusCode);
        Assert.False(await server.Devices.RevokeAsync(device.DeviceId, UnitPushServer.Admin, CancellationToken.None));
    }
}
