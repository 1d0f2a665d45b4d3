using BIS.Domain.Feeds;
using BIS.Ingest.Freshness;
using BIS.Ingest.Scheduling;
using Quartz;

namespace BIS.Web.Feeds;

/// <summary>Feed freshness for stewards and monitoring, and "run this feed now".</summary>
public static class FeedStatusEndpoints
{
    public static IEndpointRouteBuilder MapFeedStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/feeds", async (FeedFreshness freshness, CancellationToken ct) =>
            Results.Ok((await freshness.ReadAsync(ct)).Values.OrderBy(f => f.Feed, StringComparer.Ordinal)));

        endpoints.MapPost("/api/feeds/{feed}/run", async (string feed, FeedTrigger trigger, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!FeedKindNames.TryParse(feed, out var kind))
            {
                return Results.Problem($"Unknown feed '{feed}'.", statusCode: 404);
            }

            try
            {
                await trigger.TriggerNowAsync(kind, user.Identity?.Name ?? "api", ct);
            }
            catch (SchedulerException ex)
            {
                return Results.Problem($"The scheduler could not start the run: {ex.Message}", statusCode: 503);
            }

            return Results.Accepted($"/api/feeds", new { feed = kind.Slug(), status = "triggered" });
        }).RequireAuthorization(BIS.Web.Security.BisPolicies.ManageFeeds);

        return endpoints;
    }
}
