using System.Net;
using System.Security.Claims;
using BIS.Web.Cad;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using BIS.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static BIS.Web.Tests.Cad.CadCalls;

namespace BIS.Web.Tests.Cad;

/// <summary>CAD keys made and revoked, the per-key rate limit, and the OpenAPI document.</summary>
public sealed class CadKeysAndLimitsTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin-test"), new Claim(ClaimTypes.Role, BisRoles.Admin)], "test"));

    private CadKeys Keys => factory.Services.GetRequiredService<CadKeys>();

    private HttpClient ClientWith(WebApplicationFactory<Program> app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        return client;
    }

    [Fact]
    public async Task A_new_key_works_at_once_records_its_use_and_a_revoked_key_is_401_at_once()
    {
        var made = await Keys.CreateAsync("county-cad", Admin, ClientOrigin.Unknown, CancellationToken.None);
        Assert.StartsWith("bis_cad_", made.Key, StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM api_client WHERE key_sha256 = '{made.Key}'"));
        var client = ClientWith(factory, made.Key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units")).StatusCode);
        var listed = (await Keys.ListAsync(CancellationToken.None)).Single(k => k.Name == "county-cad");
        Assert.NotNull(listed.LastUsedAt);
        Assert.Equal("admin-test", listed.CreatedBy);

        Assert.True(await Keys.RevokeAsync(listed.ClientId, Admin, ClientOrigin.Unknown, CancellationToken.None));
        Assert.False(await Keys.RevokeAsync(listed.ClientId, Admin, ClientOrigin.Unknown, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "/api/incidents", "{}")).StatusCode);

        var revoked = (await Keys.ListAsync(CancellationToken.None)).Single(k => k.Name == "county-cad");
        Assert.Equal("admin-test", revoked.RevokedBy);
        Assert.False(revoked.Works);
        Assert.Equal(2L, await factory.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE actor = 'admin-test' AND action IN ('cad-key-created', 'cad-key-revoked') AND detail = 'client county-cad'"));

        await Assert.ThrowsAsync<CadKeyException>(() => Keys.CreateAsync("county-cad", Admin, ClientOrigin.Unknown, CancellationToken.None));
        await Assert.ThrowsAsync<CadKeyException>(() => Keys.CreateAsync("bad name; drop", Admin, ClientOrigin.Unknown, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_over_its_requests_per_minute_gets_429_with_retry_after_and_other_keys_do_not()
    {
        await using var limited = factory.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cad:RequestsPerMinute"] = "3" })));
        var busy = await Keys.CreateAsync("busy-cad", Admin, ClientOrigin.Unknown, CancellationToken.None);
        var client = ClientWith(limited, busy.Key);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units")).StatusCode);
        }

        var refused = await client.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        await ErrorsAsync(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(client, "/api/incidents", "{}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ClientWith(limited, BisWebFactory.CadKey).GetAsync("/api/units")).StatusCode);
    }

    [Theory]
    [InlineData("Cad:RequestsPerMinute", "0")]
    [InlineData("Cad:MaxBodyBytes", "10")]
    public void Cad_limits_out_of_range_stop_bis_at_start(string setting, string value)
    {
        using var broken = factory.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value })));

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains(setting.Split(':')[1], StartFailure.MessagesOf(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_cad_endpoints_with_the_idempotency_key_and_needs_sign_in()
    {
        // Outside /api an anonymous request is sent to sign in, as for every page.
        var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(CadOpenApi.DocumentPath);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(CadOpenApi.ReferencePath)).StatusCode);

        var document = await JsonAsync(await factory.CreateCadClient().GetAsync(CadOpenApi.DocumentPath));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/incidents", "/api/incidents/{id}", "/api/incidents/{id}/units", "/api/incidents/{id}/units/unassign", "/api/incidents/{id}/close", "/api/units" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document");
        }

        Assert.False(paths.TryGetProperty("/api/buildings/search", out _));
        var create = paths.GetProperty("/api/incidents").GetProperty("post");
        var key = create.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == CadPosts.KeyHeader);
        Assert.True(key.GetProperty("required").GetBoolean());
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(create.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        Assert.Contains("24 hours", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
