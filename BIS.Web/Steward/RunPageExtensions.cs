using BIS.Domain.Feeds;
using BIS.Web.Security;
using BIS.Web.Security.Audit;

namespace BIS.Web.Steward;

/// <summary>A run's page (<c>/steward/runs/{id}</c>) and the steward's CSV downloads: a run's rejected rows, a feed's discrepancy report.</summary>
public static class RunPageExtensions
{
    public const string DownloadRejected = "run.rejected-download";
    public const string DownloadDiscrepancies = "feed.discrepancies-download";

    public static IServiceCollection AddRunPage(this IServiceCollection services)
    {
        services.AddSingleton<RunReport>();
        services.AddSingleton<RunRejectedCsv>();
        services.AddSingleton<DiscrepancyReport>();
        return services;
    }

    /// <summary>Steward or admin only, as the board.</summary>
    public static IEndpointRouteBuilder MapRunPage(this IEndpointRouteBuilder endpoints)
    {
        var desk = endpoints.MapGroup("/api").RequireAuthorization(BisPolicies.ManageFeeds);

        // Source rows can carry what the publisher holds about a building: who took them away is recorded.
        desk.MapGet("/runs/{id:long}/rejected.csv", async (long id, string? reason, RunRejectedCsv csv, AccessAudit audit, HttpContext context, CancellationToken ct) =>
        {
            if (!await csv.WriteAsync(id, reason, context.Response, ct))
            {
                return Results.Problem($"No run {id}.", statusCode: 404);
            }

            await audit.RecordAsync(DownloadRejected, context.User, ClientOrigin.Of(context), $"run {id}" + (reason is { Length: > 0 } ? $": {reason}" : ""), CancellationToken.None);
            return Results.Empty;
        });

        desk.MapGet("/feeds/{feed}/discrepancies.csv", async (string feed, DiscrepancyReport report, AccessAudit audit, HttpContext context, CancellationToken ct) =>
        {
            if (!FeedKindNames.TryParse(feed, out var kind))
            {
                return Results.Problem($"Unknown feed '{feed}'.", statusCode: 404);
            }

            await report.WriteAsync(kind.Slug(), context.Response, ct);
            await audit.RecordAsync(DownloadDiscrepancies, context.User, ClientOrigin.Of(context), kind.Slug(), CancellationToken.None);
            return Results.Empty;
        });

        return endpoints;
    }

    public static string RejectedCsvUrl(long runId, string? reason) =>
        $"/api/runs/{runId}/rejected.csv" + (string.IsNullOrEmpty(reason) ? "" : "?reason=" + Uri.EscapeDataString(reason));

    public static string DiscrepanciesUrl(string feed) => $"/api/feeds/{Uri.EscapeDataString(feed)}/discrepancies.csv";

    public static string RunUrl(long runId) => $"/steward/runs/{runId}";

    /// <summary>Where a record's link is fixed by hand (the record page of the steward desk).</summary>
    public static string FixLinkUrl(string feed, string recordId) => $"/steward/records/{Uri.EscapeDataString(feed)}/{Uri.EscapeDataString(recordId)}";
}
