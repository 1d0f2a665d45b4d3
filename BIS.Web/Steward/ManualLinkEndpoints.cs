using BIS.Domain.Feeds;
using BIS.Ingest.ManualLinks;
using BIS.Web.Security;
using BIS.Web.Security.Audit;

namespace BIS.Web.Steward;

/// <summary>"Fix the link": a steward links a feed record to a building or leaves it unmatched, kept across runs until its source row changes.</summary>
public static class ManualLinkEndpoints
{
    public static IServiceCollection AddManualLinks(this IServiceCollection services)
    {
        services.AddSingleton<ManualLinker>();
        services.AddSingleton<ManualLinkDesk>();
        return services;
    }

    /// <summary>The record and its choices; link and unlink (cookie + CSRF, or any other steward/admin credential).</summary>
    public static IEndpointRouteBuilder MapManualLinks(this IEndpointRouteBuilder endpoints)
    {
        var records = endpoints.MapGroup("/api/feeds/{feed}/records/{recordId}").RequireAuthorization(BisPolicies.ManageFeeds);

        records.MapGet("", async (string feed, string recordId, ManualLinkDesk desk, CancellationToken ct) =>
        {
            if (!FeedKindNames.TryParse(feed, out var kind))
            {
                return UnknownFeed(feed);
            }

            return await desk.ReadAsync(kind, recordId, ct) is { } record
                ? Results.Ok(new { record, history = await desk.HistoryAsync(kind, recordId, ct) })
                : Results.Problem($"{kind.Slug()} has no record '{recordId}'.", statusCode: StatusCodes.Status404NotFound);
        });

        records.MapPost("/link", async (string feed, string recordId, LinkRequest? body, ManualLinkDesk desk, HttpContext context, CancellationToken ct) =>
        {
            if (body?.BuildingId is not { } buildingId)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["buildingId"] = ["Name the building to link the record to (buildingId)."] });
            }

            return await ChooseAsync(feed, recordId, buildingId, body.Note, desk, context, ct);
        });

        records.MapPost("/unlink", async (string feed, string recordId, UnlinkRequest? body, ManualLinkDesk desk, HttpContext context, CancellationToken ct) =>
            await ChooseAsync(feed, recordId, buildingId: null, body?.Note, desk, context, ct));

        return endpoints;
    }

    public sealed record LinkRequest(long? BuildingId, string? Note);

    public sealed record UnlinkRequest(string? Note);

    private static async Task<IResult> ChooseAsync(
        string feed, string recordId, long? buildingId, string? note, ManualLinkDesk desk, HttpContext context, CancellationToken ct)
    {
        if (!FeedKindNames.TryParse(feed, out var kind))
        {
            return UnknownFeed(feed);
        }

        if (note is { Length: > ManualLinker.MaxNoteLength })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"A note is at most {ManualLinker.MaxNoteLength} characters."] });
        }

        var outcome = await desk.ChooseAsync(kind, recordId, buildingId, note, new StewardCaller(context.User, ClientOrigin.Of(context)), ct);
        return outcome.Status switch
        {
            ManualLinkStatus.Applied => Results.Ok(outcome.Change),
            ManualLinkStatus.UnknownRecord => Results.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound),
            ManualLinkStatus.UnknownBuilding => Results.ValidationProblem(new Dictionary<string, string[]> { ["buildingId"] = [outcome.Message!] }),
            _ => Results.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "The feed is loading"),
        };
    }

    private static IResult UnknownFeed(string feed) => Results.Problem($"Unknown feed '{feed}'.", statusCode: StatusCodes.Status404NotFound);
}
