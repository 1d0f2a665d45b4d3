using System.Net;
using BIS.Web.Tests.Security;

namespace BIS.Web.Tests.Feeds;

/// <summary>BIS.Web with the Quartz scheduler running inside it, as in the embedded default.</summary>
public sealed class SchedulerWebFactory : BisWebFactory
{
    protected override bool RunScheduler => true;
}

public sealed class RunFeedNowTests(SchedulerWebFactory factory) : IClassFixture<SchedulerWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Run_now_goes_through_the_scheduler_and_lands_in_the_ledger()
    {
        await SignIn.AsAsync(_client, "steward", "steward-test-password");
        await CsrfToken.AttachAsync(_client);
        var response = await _client.PostAsync("/api/feeds/violations/run", content: null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? status = null;
        while (DateTime.UtcNow < deadline)
        {
            status = await factory.Database.ScalarAsync<string?>(
                "SELECT coalesce(max(status) FILTER (WHERE status <> 'running'), 'pending') FROM feed_run WHERE trigger = 'manual:steward'");
            if (status is "succeeded" or "unchanged")
            {
                break;
            }

            await Task.Delay(100);
        }

        // The mini city's violations file did not change since the fixture loaded it.
        Assert.Equal("unchanged", status);
    }

    [Fact]
    public async Task A_dispatcher_may_not_run_feeds()
    {
        using var dispatcher = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        var response = await dispatcher.PostAsync("/api/feeds/violations/run", content: null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Run_now_of_an_unknown_feed_is_404()
    {
        await SignIn.AsAsync(_client, "steward", "steward-test-password");
        await CsrfToken.AttachAsync(_client);
        var response = await _client.PostAsync("/api/feeds/sprinklers/run", content: null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
