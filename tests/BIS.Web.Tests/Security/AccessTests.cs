using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>No anonymous access but sign-in and health; cookies for people, API keys for CAD; views audited.</summary>
public sealed class AccessTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    // The tablet's shell holds no data (it comes over the hub with a device token), so it opens in a dead zone
    // before anyone signs in; pairing a tablet is anonymous by nature and answers a missing code with 400.
    private static readonly string[] Anonymous = ["/account/signin", "/account/signin.css", "/health/live", "/health/ready", "/health/feeds", "/unit", "/unit/"];

    /// <summary>The tablet shell's static files (UnitViewExtensions): code and styles, no data.</summary>
    private static readonly string[] AnonymousShell = ["/unit/", "/lib/signalr/", "/lib/leaflet/", "/favicon"];

    [Fact]
    public async Task Every_route_but_sign_in_and_health_refuses_an_anonymous_request()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count >= 8, "too few endpoints found");
        foreach (var endpoint in endpoints)
        {
            var template = endpoint.RoutePattern.RawText ?? string.Empty;
            var path = "/" + string.Join('/', template.TrimStart('/').Split('/').Select(Sample));
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                if (method is "GET" or "HEAD" && (Anonymous.Contains(path.Split('?')[0]) || AnonymousShell.Any(p => path.StartsWith(p, StringComparison.Ordinal))))
                {
                    continue;
                }

                Assert.True(
                    response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.BadRequest,
                    $"{method} {path} answered {(int)response.StatusCode} to an anonymous request");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    var location = response.Headers.Location;
                    Assert.StartsWith("/account/signin", location is { IsAbsoluteUri: true } ? location.PathAndQuery : location?.OriginalString, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task Hazard_api_without_credentials_is_401_and_with_a_wrong_key_too()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/buildings/search?q=302+Sumner")).StatusCode);

        using var wrongKey = factory.CreateClient(new() { AllowAutoRedirect = false });
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/buildings/search?q=302+Sumner")).StatusCode);
    }

    [Fact]
    public async Task A_dispatcher_signs_in_reads_hazards_and_the_view_is_audited()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, "Dispatcher", BisWebFactory.DispatcherPassword);

        var search = await client.GetStringAsync("/api/buildings/search?q=302+Sumner+St");
        var id = System.Text.Json.JsonDocument.Parse(search).RootElement[0].GetProperty("buildingId").GetInt64();
        var incident = await factory.Database.ScalarAsync<long>(
            $"INSERT INTO incident (building_id, address_text, incident_type, opened_by) VALUES ({id}, '302 SUMNER ST', 'structure fire', 'dispatcher') RETURNING incident_id");
        var before = await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE building_id = {id}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/buildings/{id}?incident={incident}")).StatusCode);

        Assert.Equal(before + 1, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE building_id = {id} AND actor = 'dispatcher' AND incident_id = {incident} AND action = 'view-hazards'"));
    }

    /// <summary>Issue 13 changed this: ?incident= used to be written as sent; an incident BIS does not have is now refused.</summary>
    [Fact]
    public async Task A_card_opened_with_an_incident_that_does_not_exist_is_refused_and_not_audited()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, "dispatcher", BisWebFactory.DispatcherPassword);
        var id = await factory.Database.ScalarAsync<long>("SELECT min(building_id) FROM building");
        var unknown = await factory.Database.ScalarAsync<long>("SELECT coalesce(max(incident_id), 0) + 1000 FROM incident");
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var response = await client.GetAsync($"/api/buildings/{id}?incident={unknown}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"No incident {unknown}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE incident_id = {unknown}"));
    }

    [Theory]
    [InlineData("dispatcher", "wrong-password")]
    [InlineData("nobody", "whatever")]
    [InlineData("", "")]
    public async Task A_failed_sign_in_says_so_without_telling_which_part_was_wrong(string username, string password)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await SignIn.PostAsync(client, username, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=1", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/buildings/search?q=302")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_form_holding_a_nul_is_refused_as_a_bad_request_not_a_crash()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await SignIn.PostAsync(client, "dis\0patcher", BisWebFactory.DispatcherPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/buildings/search?q=302")).StatusCode);
    }

    [Fact]
    public async Task A_forged_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "dispatcher",
            ["password"] = BisWebFactory.DispatcherPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_return_url_cannot_send_a_user_off_site()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account/signin?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
        var hostile = await client.GetStringAsync("/account/signin?returnUrl=%2F%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.DoesNotContain("<script>alert(1)</script>", hostile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mallory", "dispatcher", "/dispatch")]
    [InlineData("mallory-steward", "steward", "/steward")]
    public async Task A_hostile_display_name_is_shown_as_text(string username, string role, string page)
    {
        await factory.Services.GetRequiredService<BIS.Web.Security.LocalAccounts>()
            .CreateAsync(username, "<img src=x onerror=alert(1)>", role, null, "mallory-password", CancellationToken.None);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, username, "mallory-password");

        var html = await client.GetStringAsync(page);

        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dispatcher_lands_on_the_console_and_a_steward_may_not_open_it()
    {
        using var dispatcher = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        var landing = await dispatcher.GetAsync("/");
        Assert.Equal("/dispatch", landing.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/dispatch")).StatusCode);

        using var steward = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(steward, "steward", "steward-test-password");
        Assert.Equal(HttpStatusCode.Forbidden, (await steward.GetAsync("/dispatch")).StatusCode);
    }

    private static string Sample(string segment) => segment switch
    {
        _ when segment.StartsWith('{') && segment.Contains("long", StringComparison.Ordinal) => "1",
        _ when segment.StartsWith('{') => "violations",
        _ => segment,
    };
}
