using BIS.Ingest.Freshness;

namespace BIS.Web.Health;

/// <summary>
/// <c>/health/feeds</c>: each feed's data age against its SLA, for the city's monitoring. 503 when a feed marked
/// critical is stale, so a stale hazmat or hydrant feed pages someone; <c>/health/ready</c> never looks at feeds,
/// so the same stale feed cannot take a healthy node out of a load balancer. Anonymous like the other probes,
/// so it says no more than a monitor needs: no run messages (they name files and hosts), no hazard data.
/// </summary>
internal static class FeedHealthEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health/feeds", async (FeedFreshness freshness, HttpContext http, CancellationToken ct) =>
        {
            var feeds = (await freshness.ReadAsync(ct)).Values.OrderBy(f => f.Feed, StringComparer.Ordinal)
                .Select(f => new FeedHealth(f.Feed, f.State, f.Critical, f.Paused, f.LastSuccessAt, f.AgeHours, f.SlaHours, f.LastStatus))
                .ToList();
            var failing = feeds.Where(f => f.Critical && f.State == "stale").Select(f => f.Feed).ToList();
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(
                new { status = failing.Count == 0 ? "healthy" : "unhealthy", staleCriticalFeeds = failing, feeds },
                statusCode: failing.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();

    private sealed record FeedHealth(
        string Feed, string State, bool Critical, bool Paused, DateTimeOffset? LastSuccessAt, double? AgeHours, double SlaHours, string? LastStatus);
}
