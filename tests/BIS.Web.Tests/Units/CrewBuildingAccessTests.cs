using System.Net;
using System.Net.Http.Headers;
using BIS.Web.Tests.Security;

namespace BIS.Web.Tests.Units;

/// <summary>A crew reads a building's summary only while its unit is on an open incident there; a dispatcher reads any.</summary>
public sealed class CrewBuildingAccessTests(UnitPushServer server) : IClassFixture<UnitPushServer>
{
    [Fact]
    public async Task A_firefighter_and_a_tablet_read_only_the_building_of_their_open_incident()
    {
        var sumner302 = await server.BuildingAsync("302 SUMNER ST");
        var sumner304 = await server.BuildingAsync("304 SUMNER ST");
        using var firefighter = server.CreateHttpClient();
        await SignIn.AsAsync(firefighter, "ff-e9", UnitPushServer.FirefighterPassword);
        var device = await server.PairAsync("E9");
        using var tablet = server.CreateHttpClient();
        tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await firefighter.GetAsync($"/api/buildings/{sumner302}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tablet.GetAsync($"/api/buildings/{sumner302}")).StatusCode);
        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND actor = 'ff-e9' AND detail = 'GET /api/buildings/{sumner302} (not an open incident of this unit)'"));

        var incident = await server.Book.OpenAsync(sumner302, "Structure fire", null, UnitPushServer.Dispatcher, CancellationToken.None);
        await server.Book.AssignAsync(incident.IncidentId, ["E9"], UnitPushServer.Dispatcher, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await firefighter.GetAsync($"/api/buildings/{sumner302}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync($"/api/buildings/{sumner302}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tablet.GetAsync($"/api/buildings/{sumner304}")).StatusCode);

        using var dispatcher = server.CreateHttpClient();
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync($"/api/buildings/{sumner304}")).StatusCode);

        await server.Book.CloseAsync(incident.IncidentId, UnitPushServer.Dispatcher, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Forbidden, (await firefighter.GetAsync($"/api/buildings/{sumner302}")).StatusCode);
    }
}
