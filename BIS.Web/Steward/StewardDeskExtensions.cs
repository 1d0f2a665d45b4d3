using BIS.Domain.Feeds;
using BIS.Ingest.Scheduling;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using Quartz;

namespace BIS.Web.Steward;

/// <summary>The data steward's desk: the feed board (<c>/steward</c>), alarms, pause and resume.</summary>
public static class StewardDeskExtensions
{
    public static IServiceCollection AddStewardDesk(this IServiceCollection services)
    {
        services.AddSingleton<FeedBoard>();
        services.AddSingleton<AlarmList>();
        services.AddSingleton<StewardActions>();
        return services;
    }

    /// <summary>The desk's API, for the board's buttons and for a steward's scripts; steward or admin only.</summary>
    public static IEndpointRouteBuilder MapStewardDesk(this IEndpointRouteBuilder endpoints)
    {
        var desk = endpoints.MapGroup("/api").RequireAuthorization(BisPolicies.ManageFeeds);

        desk.MapGet("/alarms", async (AlarmList alarms, CancellationToken ct) => Results.Ok(await alarms.ReadAsync(resolvedToShow: 50, ct)));

        desk.MapPost("/alarms/{id:long}/acknowledge", async (long id, StewardActions actions, HttpContext context, CancellationToken ct) =>
            await actions.AcknowledgeAsync(id, CallerOf(context), ct) ? Results.NoContent() : Results.Problem($"No open, unacknowledged alarm {id}.", statusCode: 404));

        desk.MapPost("/alarms/{id:long}/snooze", async (long id, int? minutes, StewardActions actions, HttpContext context, CancellationToken ct) =>
        {
            if (minutes is not (>= 1 and <= 24 * 60))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = ["Snooze for 1 to 1,440 minutes."] });
            }

            return await actions.SnoozeAsync(id, TimeSpan.FromMinutes(minutes.Value), CallerOf(context), ct)
                ? Results.NoContent()
                : Results.Problem($"No open alarm {id}.", statusCode: 404);
        });

        desk.MapPost("/feeds/{feed}/pause", async (string feed, PauseRequest? body, StewardActions actions, HttpContext context, CancellationToken ct) =>
        {
            if (!FeedKindNames.TryParse(feed, out var kind))
            {
                return Results.Problem($"Unknown feed '{feed}'.", statusCode: 404);
            }

            if (string.IsNullOrWhiteSpace(body?.Reason))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the feed is paused: the board shows it to every steward."] });
            }

            await actions.PauseAsync(kind.Slug(), body.Reason, CallerOf(context), ct);
            return Results.NoContent();
        });

        // "Accept anyway": the same path as BIS.Ingest run <feed> --accept, through the scheduler (one run of a feed at a time).
        desk.MapPost("/feeds/{feed}/accept", async (string feed, StewardActions actions, FeedTrigger trigger, HttpContext context, CancellationToken ct) =>
        {
            if (!FeedKindNames.TryParse(feed, out var kind))
            {
                return Results.Problem($"Unknown feed '{feed}'.", statusCode: 404);
            }

            try
            {
                await actions.AcceptAsync(kind, trigger, CallerOf(context), ct);
            }
            catch (SchedulerException ex)
            {
                return Results.Problem($"The scheduler could not start the run: {ex.Message}", statusCode: 503);
            }

            return Results.Accepted("/api/feeds", new { feed = kind.Slug(), status = "accepting" });
        });

        desk.MapPost("/feeds/{feed}/resume", async (string feed, StewardActions actions, HttpContext context, CancellationToken ct) =>
        {
            if (!FeedKindNames.TryParse(feed, out var kind))
            {
                return Results.Problem($"Unknown feed '{feed}'.", statusCode: 404);
            }

            await actions.ResumeAsync(kind.Slug(), CallerOf(context), ct);
            return Results.NoContent();
        });

        return endpoints;
    }

    public sealed record PauseRequest(string? Reason);

    private static StewardCaller CallerOf(HttpContext context) => new(context.User, ClientOrigin.Of(context));
}
