using System.Net;
using System.Text.Json;
using BIS.Web.Tests.Security;
using static BIS.Web.Tests.Cad.CadCalls;

namespace BIS.Web.Tests.Cad;

/// <summary>The CAD API against the real store with the mini city: incidents by address, point or id; units; problems.</summary>
public sealed class CadIncidentApiTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private readonly HttpClient _cad = factory.CreateCadClient();

    private Task<long> BuildingAsync(string addressKey) =>
        factory.Database.ScalarAsync<long>($"SELECT building_id FROM building WHERE address_key = '{addressKey}'");

    private Task<long> CountAsync(string sql) => factory.Database.ScalarAsync<long>(sql);

    [Fact]
    public async Task An_address_opens_an_incident_with_its_units_and_the_incident_reads_back_with_hazards_and_is_audited()
    {
        var created = await PostAsync(_cad, "/api/incidents", Incident("\"address\": \"302 Sumner St\"", units: "[\"e9\", \"L2\", \"E9\"]"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        var id = body.GetProperty("incident").GetProperty("incidentId").GetInt64();
        Assert.Equal($"/api/incidents/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(await BuildingAsync("302 SUMNER ST"), body.GetProperty("building").GetProperty("buildingId").GetInt64());
        Assert.Equal(["E9", "L2"], body.GetProperty("incident").GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("cad:test-cad", body.GetProperty("incident").GetProperty("openedBy").GetString());

        var read = await JsonAsync(await _cad.GetAsync($"/api/incidents/{id}"));
        Assert.Equal("302 SUMNER ST", read.GetProperty("summary").GetProperty("address").GetString()?[..13]);
        Assert.NotEqual(0, read.GetProperty("summary").GetProperty("flags").GetArrayLength());
        Assert.Equal(2, read.GetProperty("units").GetArrayLength());
        Assert.All(read.GetProperty("units").EnumerateArray(), u =>
        {
            Assert.Equal("dispatched", u.GetProperty("status").GetString());
            Assert.Equal("assigned", u.GetProperty("delivery").GetProperty("kind").GetString());
            Assert.True(u.GetProperty("delivery").GetProperty("seq").GetInt64() >= 1);
            Assert.Equal(JsonValueKind.Null, u.GetProperty("delivery").GetProperty("shownAt").ValueKind);
        });
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM audit_log WHERE action = 'view-hazards' AND incident_id = {id} AND actor = 'cad:test-cad'"));

        var units = await JsonAsync(await _cad.GetAsync("/api/units"));
        Assert.Equal(id, units.EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "E9").GetProperty("incidentId").GetInt64());

        var unassigned = await PostAsync(_cad, $"/api/incidents/{id}/units/unassign", """{ "units": ["L2"] }""");
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.Equal(["E9"], (await JsonAsync(unassigned)).GetProperty("units").EnumerateArray().Select(u => u.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_cad, $"/api/incidents/{id}/close", "")).StatusCode);
        var closedAssign = await PostAsync(_cad, $"/api/incidents/{id}/units", """{ "units": ["L2"] }""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closedAssign.StatusCode);
        Assert.Contains("closed", (await ErrorsAsync(closedAssign))["incidentId"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(_cad, "/api/incidents/999999/close", "{}")).StatusCode);
    }

    [Fact]
    public async Task Coordinates_find_the_building_at_the_point()
    {
        var building = await BuildingAsync("304 SUMNER ST");
        var lat = await factory.Database.ScalarAsync<double>($"SELECT ST_Y(location) FROM building WHERE building_id = {building}");
        var lon = await factory.Database.ScalarAsync<double>($"SELECT ST_X(location) FROM building WHERE building_id = {building}");
        var created = await PostAsync(_cad, "/api/incidents", Incident($"\"latitude\": {lat:R}, \"longitude\": {lon:R}", "odor of gas"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        Assert.Equal(building, body.GetProperty("building").GetProperty("buildingId").GetInt64());
        Assert.Equal("Odor of gas", body.GetProperty("incident").GetProperty("type").GetString());

        var sea = await PostAsync(_cad, "/api/incidents", Incident("\"latitude\": 42.0, \"longitude\": -70.0"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sea.StatusCode);
        Assert.True((await ErrorsAsync(sea)).ContainsKey("latitude"));
    }

    [Fact]
    public async Task An_address_that_means_several_buildings_or_none_is_422_with_the_candidates_and_opens_nothing()
    {
        var before = await CountAsync("SELECT count(*) FROM incident");

        var several = await PostAsync(_cad, "/api/incidents", Incident("\"address\": \"302-304 Sumner St\""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, several.StatusCode);
        Assert.True((await ErrorsAsync(several)).ContainsKey("address"));
        var candidates = (await JsonAsync(several)).GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("address").GetString()).ToList();
        Assert.Contains(candidates, a => a!.StartsWith("302 SUMNER ST", StringComparison.Ordinal));
        Assert.Contains(candidates, a => a!.StartsWith("304 SUMNER ST", StringComparison.Ordinal));

        var none = await PostAsync(_cad, "/api/incidents", Incident("\"address\": \"77 Nowhere Causeway, Springfield\""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await JsonAsync(none)).GetProperty("candidates").ValueKind);

        var unknownBuilding = await PostAsync(_cad, "/api/incidents", Incident("\"buildingId\": 987654321"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownBuilding.StatusCode);
        Assert.True((await ErrorsAsync(unknownBuilding)).ContainsKey("buildingId"));

        Assert.Equal(before, await CountAsync("SELECT count(*) FROM incident"));
    }

    [Fact]
    public async Task Unknown_or_busy_units_are_422_naming_each_and_nothing_is_opened()
    {
        var building = await BuildingAsync("100 MERIDIAN ST");
        var before = await CountAsync("SELECT count(*) FROM incident");
        var refused = await PostAsync(_cad, "/api/incidents", Incident($"\"buildingId\": {building}", units: "[\"SQ1\", \"NOPE9\"]"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("No unit 'NOPE9'.", (await ErrorsAsync(refused))["units"]);
        Assert.Equal(before, await CountAsync("SELECT count(*) FROM incident"));
    }

    [Theory]
    [InlineData("{", "body", "Not valid JSON")]
    [InlineData("[1, 2]", "body", "Not valid JSON")]
    [InlineData("null", "body", "null")]
    [InlineData("""{ "address": 302, "type": "Medical" }""", "address", "Must be a string")]
    [InlineData("""{ "latitude": "42.37", "longitude": -71.03, "type": "Medical" }""", "latitude", "Must be a number")]
    [InlineData("""{ "buildingId": 1.5, "type": "Medical" }""", "buildingId", "Must be an integer")]
    [InlineData("""{ "address": "302 Sumner St", "type": "Medical", "units": "E9" }""", "units", "Must be an array")]
    [InlineData("""{ "adress": "302 Sumner St", "type": "Medical" }""", "adress", "Unknown field")]
    [InlineData("""{ "address": "302 Sumner St" }""", "type", "Required")]
    [InlineData("""{ "type": "Medical" }""", "address", "Required")]
    [InlineData("""{ "latitude": 42.37, "type": "Medical" }""", "longitude", "Required with latitude")]
    [InlineData("""{ "latitude": 142.37, "longitude": -71, "type": "Medical" }""", "latitude", "between -90 and 90")]
    [InlineData("""{ "address": "302 Sumner St", "buildingId": 1, "type": "Medical" }""", "address", "only one")]
    [InlineData("""{ "address": "302 Sumner St", "type": "Alien landing" }""", "type", "Unknown incident type")]
    [InlineData("""{ "address": "302 Sumner St", "type": "Medical", "units": ["E9; DROP TABLE unit"] }""", "units[0]", "unit id")]
    [InlineData("", "body", "empty")]
    public async Task A_malformed_body_is_a_400_problem_naming_the_field(string json, string field, string message)
    {
        var response = await PostAsync(_cad, "/api/incidents", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), $"errors name {string.Join(", ", errors.Keys)}, not {field}");
        Assert.Contains(message, errors[field][0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_a_non_json_body_415()
    {
        var huge = await PostAsync(_cad, "/api/incidents", $$"""{ "address": "302 Sumner St", "type": "Medical", "notes": "{{new string('x', 70_000)}}" }""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.True((await ErrorsAsync(huge)).ContainsKey("body"));

        var form = await _cad.SendAsync(Request("/api/incidents", new FormUrlEncodedContent([new("address", "302 Sumner St")]), "form-1"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        await ErrorsAsync(form);
    }

    [Fact]
    public async Task A_dispatcher_session_may_use_the_api_with_the_csrf_token_and_a_steward_may_not()
    {
        var dispatcher = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        var building = await BuildingAsync("304 SUMNER ST");
        var withoutToken = await PostAsync(dispatcher, "/api/incidents", Incident($"\"buildingId\": {building}", "Medical"));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("antiforgery", (await JsonAsync(withoutToken)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await CsrfToken.AttachAsync(dispatcher);
        var created = await PostAsync(dispatcher, "/api/incidents", Incident($"\"buildingId\": {building}", "Medical"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("dispatcher", (await JsonAsync(created)).GetProperty("incident").GetProperty("openedBy").GetString());

        var steward = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(steward, "steward", "steward-test-password");
        Assert.Equal(HttpStatusCode.Forbidden, (await steward.GetAsync("/api/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/units")).StatusCode);
    }
}
