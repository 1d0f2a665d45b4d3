using BIS.Web.Units;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Units;

/// <summary>A feed run that changes the building of an open incident: one "changed" per unit, however many nodes hear it.</summary>
public sealed class SummaryChangeTests(UnitPushServer server) : IClassFixture<UnitPushServer>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_web_nodes_hearing_one_change_send_one_changed_message_per_unit_new_critical_first()
    {
        await using var second = new ConfiguredNode("Testing", server.NodeSettings());
        var secondWriter = second.Services.GetRequiredService<UnitSummaryWriter>();
        await second.Services.GetRequiredService<UnitPushListener>().Listening.WaitAsync(Within);
        var firstWriter = server.Services.GetRequiredService<UnitSummaryWriter>();

        var building = await server.BuildingAsync("302 SUMNER ST");
        var incident = await server.Book.OpenAsync(building, "Structure fire", null, UnitPushServer.Dispatcher, CancellationToken.None);
        await server.Book.AssignAsync(incident.IncidentId, ["E5", "L2"], UnitPushServer.Dispatcher, CancellationToken.None);
        var device = await server.PairAsync("E5");
        await using var tablet = new TabletClient(UnitPushServer.HubWithToken(UnitPushServer.AddressOf(server.Services), device.Token));
        await tablet.StartAsync();
        Assert.Equal("assigned", tablet.Applied[^1].Kind);

        var run = await server.MarkVacantAsync("302", "Sumner");

        await Eventually.HoldsAsync(() => firstWriter.LastRunHandled >= run && secondWriter.LastRunHandled >= run, Within,
            "both nodes should have handled the run");
        foreach (var unit in new[] { "E5", "L2" })
        {
            Assert.Equal(1L, await server.Database.ScalarAsync<long>(
                $"SELECT count(*) FROM unit_message WHERE unit_id = '{unit}' AND incident_id = {incident.IncidentId} AND kind = 'changed'"));
        }

        await Eventually.HoldsAsync(() => tablet.Applied[^1].Kind == "changed", Within, "the tablet never got the change");
        var changes = tablet.Applied[^1].Body.GetProperty("changes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.StartsWith("New ", changes[0], StringComparison.Ordinal);
        Assert.Contains(changes, c => c.Contains("Vacant", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(TabletClient.SummaryOf(tablet.Applied[^1]).GetProperty("flags").EnumerateArray(),
            f => f.GetProperty("flag").GetProperty("kind").GetString() == "vacant");

        // A sweep (start, or the listener back after losing its connection) finds nothing new to send.
        await secondWriter.RefreshAsync(null);
        await firstWriter.RefreshAsync(null);
        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM unit_message WHERE unit_id = 'E5' AND incident_id = {incident.IncidentId} AND kind = 'changed'"));
        Assert.Equal(0, tablet.Duplicates);
        await server.Book.CloseAsync(incident.IncidentId, UnitPushServer.Dispatcher, CancellationToken.None);
    }
}
