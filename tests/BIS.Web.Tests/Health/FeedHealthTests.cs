using System.Net;
using System.Text.Json;

namespace BIS.Web.Tests.Health;

/// <summary>
/// <c>/health/feeds</c> on a real database: the mini city has loaded assessing and violations only, so the
/// critical hazmat and hydrant feeds have never loaded and are stale (unknown is not current).
/// </summary>
public sealed class FeedHealthTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task A_stale_critical_feed_answers_503_while_the_node_stays_ready()
    {
        var response = await _anonymous.GetAsync("/health/feeds");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(["hazmat-permits", "hydrants"], body.GetProperty("staleCriticalFeeds").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Each_feed_says_ok_due_or_stale_against_its_sla_and_no_run_message()
    {
        // Violations' SLA is 26 h: a last success 20 h ago is due, 30 h ago stale.
        var states = new List<string>();
        foreach (var hoursAgo in new[] { 0, 20, 30 })
        {
            await factory.Database.SetLastSuccessAsync("violations", hoursAgo);
            var feeds = await FeedsAsync();
            states.Add(feeds["violations"].GetProperty("state").GetString()!);
            Assert.False(feeds["violations"].TryGetProperty("lastMessage", out _));
        }

        Assert.Equal(["ok", "due", "stale"], states);
        await factory.Database.SetLastSuccessAsync("violations", 0);
    }

    private async Task<Dictionary<string, JsonElement>> FeedsAsync()
    {
        // 503 here: the critical feeds never loaded. The body is the same either way.
        using var response = await _anonymous.GetAsync("/health/feeds");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("feeds").EnumerateArray().ToDictionary(f => f.GetProperty("feed").GetString()!);
    }

}
