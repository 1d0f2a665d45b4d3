using System.Net;
using System.Security.Cryptography;
using System.Text;
using BIS.Web.Cad;
using Microsoft.Extensions.DependencyInjection;
using static BIS.Web.Tests.Cad.CadCalls;

namespace BIS.Web.Tests.Cad;

/// <summary>Idempotency-Key on CAD POSTs (draft-ietf-httpapi-idempotency-key-header), against the real table.</summary>
public sealed class CadIdempotencyTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private readonly HttpClient _cad = factory.CreateCadClient();

    private Task<long> IncidentsAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM incident");

    private async Task<string> OnBuildingAsync(string addressKey, string units = "[]") =>
        Incident($"\"buildingId\": {await factory.Database.ScalarAsync<long>($"SELECT building_id FROM building WHERE address_key = '{addressKey}'")}", units: units);

    [Fact]
    public async Task A_post_retried_with_the_same_key_makes_one_incident_and_gets_the_same_answer()
    {
        var body = await OnBuildingAsync("302 SUMNER ST", "[\"E5\"]");
        var before = await IncidentsAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(_cad, "/api/incidents", body, key);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(CadPosts.ReplayedHeader));

        // The draft sends the key as a structured-field string: "…" is the same key.
        var retry = await PostAsync(_cad, "/api/incidents", body, $"\"{key}\"");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstText, await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues(CadPosts.ReplayedHeader).Single());
        Assert.Equal(before + 1, await IncidentsAsync());

        // A new key is a new request, really run: E5 is busy now.
        var other = await PostAsync(_cad, "/api/incidents", body, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(before + 1, await IncidentsAsync());
    }

    [Fact]
    public async Task An_error_answer_is_not_kept_so_the_corrected_retry_with_the_same_key_runs()
    {
        var key = Guid.NewGuid().ToString();
        var before = await IncidentsAsync();
        var wrong = await PostAsync(_cad, "/api/incidents", """{ "address": "100 Meridian St", "type": "Alien landing" }""", key);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM cad_idempotency WHERE key = '{key}'"));

        var corrected = await PostAsync(_cad, "/api/incidents", """{ "address": "100 Meridian St", "type": "Odor of gas" }""", key);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(before + 1, await IncidentsAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_path_is_422_and_changes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(_cad, "/api/incidents", await OnBuildingAsync("304 SUMNER ST"), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await JsonAsync(first)).GetProperty("incident").GetProperty("incidentId").GetInt64();
        var before = await IncidentsAsync();

        var otherBody = await PostAsync(_cad, "/api/incidents", await OnBuildingAsync("100 MERIDIAN ST"), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.True((await ErrorsAsync(otherBody)).ContainsKey(CadPosts.KeyHeader));

        var otherPath = await PostAsync(_cad, $"/api/incidents/{id}/close", await OnBuildingAsync("304 SUMNER ST"), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherPath.StatusCode);
        Assert.Equal(before, await IncidentsAsync());
        Assert.Equal("open", await factory.Database.ScalarAsync<string>($"SELECT status FROM incident WHERE incident_id = {id}"));
    }

    [Fact]
    public async Task A_retry_while_the_first_is_still_running_is_409()
    {
        // The first request holds the key on another node and has not answered yet.
        var body = await OnBuildingAsync("302 SUMNER ST");
        var key = Guid.NewGuid().ToString();
        var fingerprint = CadIdempotency.Fingerprint("POST", "/api/incidents", Encoding.UTF8.GetBytes(body));
        await factory.Database.ScalarAsync<long>(
            $"WITH i AS (INSERT INTO cad_idempotency (client, key, request_hash) VALUES ('cad:test-cad', '{key}', '\\x{Convert.ToHexString(fingerprint)}') RETURNING 1) SELECT count(*) FROM i");
        var before = await IncidentsAsync();

        var retry = await PostAsync(_cad, "/api/incidents", body, key);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal("1", retry.Headers.GetValues("Retry-After").Single());
        await ErrorsAsync(retry);
        Assert.Equal(before, await IncidentsAsync());
    }

    [Fact]
    public async Task Concurrent_posts_with_one_key_make_one_incident_each_answer_is_the_first_or_409()
    {
        var body = await OnBuildingAsync("100 MERIDIAN ST", "[\"L21\"]");
        var key = Guid.NewGuid().ToString();
        var before = await IncidentsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(factory.CreateCadClient(), "/api/incidents", body, key)));

        Assert.Equal(before + 1, await IncidentsAsync());
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created.Select(a => a.Headers.Location?.OriginalString).Distinct());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_cad, "/api/incidents", body, key)).StatusCode);
        Assert.Equal(before + 1, await IncidentsAsync());
    }

    [Fact]
    public async Task Two_nodes_racing_on_one_key_make_one_incident()
    {
        await using var second = new ConfiguredNode("Testing", factory.NodeSettings());
        var secondClient = second.CreateClient();
        secondClient.DefaultRequestHeaders.Add(BIS.Web.Security.ApiKeyAuthentication.Header, BisWebFactory.CadKey);
        HttpClient[] nodes = [factory.CreateCadClient(), secondClient];
        var body = await OnBuildingAsync("304 SUMNER ST", "[\"TL17\"]");
        var key = Guid.NewGuid().ToString();
        var before = await IncidentsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostAsync(nodes[i % 2], "/api/incidents", body, key)));

        Assert.Equal(before + 1, await IncidentsAsync());
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Headers.Location?.OriginalString).Distinct());
        var replayed = await PostAsync(secondClient, "/api/incidents", body, key);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(before + 1, await IncidentsAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"\"")]
    public async Task A_post_without_a_usable_key_is_400_and_does_nothing(string? key)
    {
        var before = await IncidentsAsync();
        var request = Request("/api/incidents", new StringContent(await OnBuildingAsync("302 SUMNER ST"), Encoding.UTF8, "application/json"), null);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(CadPosts.KeyHeader, key);
        }

        var response = await _cad.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).ContainsKey(CadPosts.KeyHeader));
        Assert.Equal(before, await IncidentsAsync());
    }

    [Fact]
    public async Task Keys_older_than_24_hours_are_forgotten_when_keys_are_claimed()
    {
        var stale = "stale-" + Guid.NewGuid();
        await factory.Database.ScalarAsync<long>(
            $"WITH i AS (INSERT INTO cad_idempotency (client, key, request_hash, started_at, completed_at, status_code, content_type, response_body) " +
            $"VALUES ('cad:someone', '{stale}', '\\x00', now() - interval '25 hours', now() - interval '25 hours', 201, 'application/json', '\\x7b7d') RETURNING 1) SELECT count(*) FROM i");

        var ledger = factory.Services.GetRequiredService<CadIdempotency>();
        var claim = await ledger.ClaimAsync("cad:test-cad", Guid.NewGuid().ToString(), SHA256.HashData([1]), CancellationToken.None);

        Assert.IsType<CadIdempotency.Claimed>(claim);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM cad_idempotency WHERE key = '{stale}'"));
    }
}
