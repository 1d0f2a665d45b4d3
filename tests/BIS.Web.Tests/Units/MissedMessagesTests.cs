using BIS.Web.Incidents;
using BIS.Web.Units;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Units;

/// <summary>
/// A tablet that was away (its connection dropped, and BIS.Web restarted meanwhile) gets, on reconnect, exactly the
/// messages it missed: once each, in order.
/// </summary>
public sealed class MissedMessagesTests(UnitPushServer server) : IClassFixture<UnitPushServer>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Missed_while_down_and_across_a_restart_arrive_once_in_order()
    {
        var node = await StartNodeAsync();
        var book = node.Services.GetRequiredService<IncidentBook>();
        var device = await server.PairAsync("E56");
        var first = await book.OpenAsync(await server.BuildingAsync("302 SUMNER ST"), "Structure fire", null, UnitPushServer.Dispatcher, CancellationToken.None);
        var second = await book.OpenAsync(await server.BuildingAsync("100 MERIDIAN ST"), "Odor of gas", null, UnitPushServer.Dispatcher, CancellationToken.None);

        var tablet = new TabletClient(UnitPushServer.HubWithToken(UnitPushServer.AddressOf(node.Services), device.Token));
        await tablet.StartAsync();
        await book.AssignAsync(first.IncidentId, ["E56"], UnitPushServer.Dispatcher, CancellationToken.None);
        await Eventually.HoldsAsync(() => tablet.Applied.Count == 1, Within, "the first assignment never arrived");
        var lastApplied = tablet.LastApplied;

        // The link drops.
        await tablet.DisposeAsync();

        // While it is down: the building's hazards change (a feed run), a second incident is assigned, the first closed.
        await server.MarkVacantAsync("302", "Sumner");
        await Eventually.HoldsAsync(
            async () => await server.Database.ScalarAsync<long>($"SELECT count(*) FROM unit_message WHERE unit_id = 'E56' AND kind = 'changed'") == 1,
            Within, "the summary change was never written");
        await book.CloseAsync(first.IncidentId, UnitPushServer.Dispatcher, CancellationToken.None);
        await book.AssignAsync(second.IncidentId, ["E56"], UnitPushServer.Dispatcher, CancellationToken.None);

        // BIS.Web restarts: the host is disposed and a new one starts on the same database.
        await node.DisposeAsync();
        await using var restarted = await StartNodeAsync();

        await using var back = new TabletClient(UnitPushServer.HubWithToken(UnitPushServer.AddressOf(restarted.Services), device.Token), lastApplied);
        await back.StartAsync();
        Assert.Equal(
            [("changed", first.IncidentId), ("closed", first.IncidentId), ("assigned", second.IncidentId)],
            back.Applied.Select(m => (m.Kind, m.IncidentId!.Value)));
        Assert.Equal(Enumerable.Range((int)lastApplied + 1, 3).Select(i => (long)i), back.Applied.Select(m => m.Seq));
        Assert.Equal(0, back.Duplicates);

        // Asking again brings nothing twice; what it applied is recorded for the dispatcher.
        await back.ResumeAsync();
        Assert.Equal(3, back.Applied.Count);
        await back.Connection.InvokeAsync("Acknowledge", back.LastApplied);
        var deliveries = await restarted.Services.GetRequiredService<UnitDeliveries>().ForIncidentAsync(second.IncidentId, CancellationToken.None);
        var delivery = Assert.Single(deliveries);
        Assert.Equal(("E56", back.LastApplied, "assigned", "dispatched"), (delivery.UnitId, delivery.Seq, delivery.Kind, delivery.UnitStatus));
        Assert.NotNull(delivery.SentAt);
        Assert.NotNull(delivery.ReceivedAt);
        Assert.NotNull(delivery.ShownAt);
        await restarted.Services.GetRequiredService<IncidentBook>().CloseAsync(second.IncidentId, UnitPushServer.Dispatcher, CancellationToken.None);
    }

    private async Task<WebApplicationFactory<Program>> StartNodeAsync()
    {
        var settings = server.NodeSettings();
        settings["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0";
        var node = new ConfiguredNode("Testing", settings);
        node.UseKestrel(0);
        node.StartServer();
        await node.Services.GetRequiredService<UnitPushListener>().Listening.WaitAsync(Within);
        return node;
    }
}
