using System.Net;
using System.Net.Http.Headers;
using BIS.Domain.Feeds;
using BIS.Ingest.Pipeline;
using BIS.Web.Metrics;
using BIS.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BIS.Web.Tests.Metrics;

/// <summary>
/// The Prometheus scrape on the management listener (real Kestrel on loopback): the BIS series after a feed run,
/// the bearer token, and nothing of it on the app's public port.
/// </summary>
public sealed class MetricsEndpointTests(MetricsWebFactory factory) : IClassFixture<MetricsWebFactory>
{
    private Uri ScrapeAddress => factory.Services.GetRequiredService<MetricsScrapeListener>().ScrapeAddress
        ?? throw new InvalidOperationException("The metrics listener did not start.");

    [Fact]
    public async Task A_scrape_after_a_feed_run_has_its_rows_duration_data_age_alarms_lookup_and_database_series()
    {
        var run = await factory.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true);
        Assert.Equal(2, run.RowsRead);
        using (var dispatcher = factory.CreateClient(new() { AllowAutoRedirect = false }))
        {
            await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
            Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/api/buildings/search?q=302%20sumner%20st")).StatusCode);
        }

        var text = "";
        await Eventually.HoldsAsync(
            async () =>
            {
                text = await ScrapeAsync(MetricsWebFactory.Token);
                return text.Contains("bis_feed_data_age_seconds{", StringComparison.Ordinal) && text.Contains("bis_alarms_open", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(60), "the gauges read from the database never showed");

        Assert.Matches("""bis_feed_rows_read_total\{[^}]*feed="violations"[^}]*\} [1-9]""", text);
        Assert.Matches("""bis_feed_rows_accepted_total\{[^}]*feed="violations"[^}]*\} [1-9]""", text);
        Assert.Contains("bis_feed_rows_rejected_total{", text, StringComparison.Ordinal);
        Assert.Matches("""bis_feed_run_duration_seconds_count\{[^}]*feed="violations"[^}]*status="succeeded"[^}]*\} [1-9]""", text);
        Assert.Matches("""bis_feed_data_age_seconds\{[^}]*feed="violations"[^}]*\} \d""", text);
        // Hydrants never loaded in the mini city: no age to report, but its SLA, and stale.
        Assert.DoesNotMatch("""bis_feed_data_age_seconds\{[^}]*feed="hydrants""", text);
        Assert.Matches("""bis_feed_sla_seconds\{[^}]*feed="hydrants"[^}]*\} \d""", text);
        Assert.Matches("""bis_feed_stale\{[^}]*feed="hydrants"[^}]*\} 1""", text);
        Assert.Matches("""bis_lookup_duration_seconds_count\{[^}]*kind="search"[^}]*\} [1-9]""", text);
        // Npgsql's own meter, and ASP.NET Core's.
        Assert.Contains("db_client_", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scrape_wants_the_bearer_token_when_one_is_set()
    {
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ScrapeAddress)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, ScrapeAddress) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", MetricsWebFactory.Token + "x") } };
        var refused = await client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("bis_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("# TYPE", await ScrapeAsync(MetricsWebFactory.Token), StringComparison.Ordinal);
        // The management port serves the scrape and nothing else of the app.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(ScrapeAddress, "/steward"))).StatusCode);
    }

    [Fact]
    public async Task The_public_port_has_no_scrape_path_signed_in_or_not()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync(MetricsOptions.ScrapePath);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Redirect });
        Assert.DoesNotContain("bis_feed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(admin, "steward", "steward-test-password");
        var signedIn = await admin.GetAsync(MetricsOptions.ScrapePath);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
        Assert.DoesNotContain("bis_feed", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Nor with the scrape token: it opens the management listener only (the public port's bearer scheme refuses it).
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsWebFactory.Token);
        var withToken = await admin.GetAsync(MetricsOptions.ScrapePath);
        Assert.Contains(withToken.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized });
        Assert.DoesNotContain("bis_feed", await withToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0", null, "reachable from other hosts")]
    [InlineData("127.0.0.1", "short", "at least 16 characters")]
    [InlineData("localhost", null, "must be an IP address")]
    public void Options_that_would_expose_the_metrics_or_cannot_bind_stop_the_start(string address, string? token, string expected)
    {
        var settings = factory.NodeSettings();
        settings["Metrics:Address"] = address;
        settings["Metrics:ScrapeToken"] = token;
        using var node = new ConfiguredNode("Testing", settings);
        var failure = Assert.Throws<OptionsValidationException>(() => node.Services);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_loopback_address_with_a_token_is_accepted() =>
        Assert.Null(new MetricsOptions { Address = "0.0.0.0", ScrapeToken = MetricsWebFactory.Token }.Problem());

    private async Task<string> ScrapeAsync(string token)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ScrapeAddress) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
