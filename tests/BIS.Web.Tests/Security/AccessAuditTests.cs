using System.Net;
using System.Text.Json;

namespace BIS.Web.Tests.Security;

/// <summary>Default security settings, the mini city loaded.</summary>
public sealed class AuditedServer : SignInServer
{
    protected override bool LoadCity => true;

    protected override Dictionary<string, string> Security => [];
}

/// <summary>
/// Who signed in, failed, signed out, was refused a page or read a card: each on record with the
/// client's address and user agent.
/// </summary>
public sealed class AccessAuditTests(AuditedServer server) : IClassFixture<AuditedServer>
{
    [Fact]
    public async Task Sign_in_failure_success_and_sign_out_are_audited_with_address_and_user_agent()
    {
        using var client = server.CreatePeer("198.51.100.80", "Dispatch-Desk/5.0 (console 3)");

        await SignIn.PostAsync(client, "dispatcher", "not-the-password");
        await SignIn.AsAsync(client, "dispatcher", BisWebFactory.DispatcherPassword);
        var home = await client.GetStringAsync("/account/signin");
        var token = SignIn.AntiforgeryFieldOf(home);
        var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { [token.Key] = token.Value }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var rows = await server.Database.ScalarAsync<string>(
            """
            SELECT string_agg(action || ' ' || actor || ' ' || actor_role, ' | ' ORDER BY audit_id) FROM audit_log
            WHERE client_address = '198.51.100.80' AND user_agent = 'Dispatch-Desk/5.0 (console 3)'
            """);
        Assert.Equal("sign-in-failed dispatcher  | sign-in dispatcher dispatcher | sign-out dispatcher dispatcher", rows);
    }

    [Fact]
    public async Task A_403_is_audited_for_a_person_and_for_a_cad_key()
    {
        using var steward = server.CreatePeer("198.51.100.81", "Steward-Desk/1.0");
        await SignIn.AsAsync(steward, "steward", "steward-test-password");
        Assert.Equal(HttpStatusCode.Forbidden, (await steward.GetAsync("/dispatch")).StatusCode);

        using var cad = server.CreatePeer("198.51.100.82", "CAD-Bridge/7");
        cad.DefaultRequestHeaders.Add("X-Api-Key", BisWebFactory.CadKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await cad.GetAsync("/dispatch")).StatusCode);

        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND actor = 'steward' AND detail = 'GET /dispatch' AND client_address = '198.51.100.81' AND user_agent = 'Steward-Desk/1.0'"));
        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND actor = 'cad:test-cad' AND actor_role = 'cad' AND detail = 'GET /dispatch' AND client_address = '198.51.100.82'"));
    }

    [Fact]
    public async Task A_card_view_is_audited_with_address_user_agent_and_only_a_real_incident()
    {
        using var client = server.CreatePeer("198.51.100.83", "Dispatch-Desk/5.0 (console 4)");
        await SignIn.AsAsync(client, "dispatcher", BisWebFactory.DispatcherPassword);
        var id = JsonDocument.Parse(await client.GetStringAsync("/api/buildings/search?q=302+Sumner+St")).RootElement[0].GetProperty("buildingId").GetInt64();
        var incident = await server.Database.ScalarAsync<long>(
            $"INSERT INTO incident (building_id, address_text, incident_type, opened_by) VALUES ({id}, '302 SUMNER ST', 'odor of smoke', 'dispatcher') RETURNING incident_id");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/buildings/{id}?incident={incident}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/buildings/{id}?incident={incident + 500}")).StatusCode);

        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM audit_log WHERE action = 'view-hazards' AND building_id = {id} AND incident_id = {incident}
               AND client_address = '198.51.100.83' AND user_agent = 'Dispatch-Desk/5.0 (console 4)'
            """));
        Assert.Equal(0L, await server.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE incident_id = {incident + 500}"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        using var client = server.CreatePeer("198.51.100.84");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.99");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await SignIn.PostAsync(client, "dispatcher", BisWebFactory.DispatcherPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1L, await server.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'sign-in' AND client_address = '198.51.100.84'"));
        Assert.Equal(0L, await server.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE client_address = '203.0.113.99'"));
    }
}
