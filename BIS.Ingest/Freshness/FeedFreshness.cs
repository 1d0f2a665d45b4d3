using BIS.Domain.Feeds;
using BIS.Ingest.Database;
using BIS.Ingest.Feeds;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Freshness;

/// <summary>How fresh each feed is: its last successful load against its SLA.</summary>
/// <param name="Critical">A stale critical feed makes <c>/health/feeds</c> answer 503 (the city's monitoring pages someone).</param>
public sealed record FeedFreshnessEntry(
    string Feed,
    string SourceName,
    DateTimeOffset? LastSuccessAt,
    double SlaHours,
    double? AgeHours,
    bool Stale,
    bool Paused,
    string? LastStatus,
    DateTimeOffset? LastRunAt,
    string? LastMessage,
    bool Critical = false)
{
    /// <summary>Past this share of its SLA a feed is "due": still current, but its next good load is needed soon.</summary>
    public const double DueShare = 0.75;

    /// <summary>ok, due or stale: what a steward and a monitor read first.</summary>
    public string State => Stale ? "stale" : AgeHours > SlaHours * DueShare ? "due" : "ok";
}

/// <summary>Reads feed freshness from the ledger. A feed that never loaded is stale: unknown is not current.</summary>
public sealed class FeedFreshness(NpgsqlDataSource dataSource, IOptionsMonitor<FeedsOptions> feeds, TimeProvider time, DatabaseRetry retry)
{
    public async Task<IReadOnlyDictionary<string, FeedFreshnessEntry>> ReadAsync(CancellationToken cancellationToken) =>
        await retry.IdempotentAsync(ct => ReadOnceAsync(ct), cancellationToken);

    private async Task<IReadOnlyDictionary<string, FeedFreshnessEntry>> ReadOnceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT f.feed,
                   (SELECT max(finished_at) FROM feed_run r WHERE r.feed = f.feed AND r.status IN ('succeeded', 'unchanged')),
                   last.status, last.started_at, last.message, coalesce(c.paused, false)
            FROM unnest(@feeds) AS f(feed)
            LEFT JOIN LATERAL (SELECT status, started_at, message FROM feed_run r WHERE r.feed = f.feed ORDER BY run_id DESC LIMIT 1) last ON true
            LEFT JOIN feed_control c ON c.feed = f.feed
            """);
        command.Parameters.AddWithValue("feeds", Enum.GetValues<FeedKind>().Select(f => f.Slug()).ToArray());
        var now = time.GetUtcNow();
        var result = new Dictionary<string, FeedFreshnessEntry>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var slug = reader.GetString(0);
            var options = feeds.CurrentValue.Sources.GetValueOrDefault(slug);
            var sla = options?.SlaHours ?? 24;
            DateTimeOffset? lastSuccess = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
            double? age = lastSuccess is { } at ? (now - at).TotalHours : null;
            result[slug] = new FeedFreshnessEntry(
                slug,
                options?.SourceName is { Length: > 0 } name ? name : slug,
                lastSuccess,
                sla,
                age,
                Stale: age is null || age > sla,
                Paused: reader.GetBoolean(5),
                LastStatus: reader.IsDBNull(2) ? null : reader.GetString(2),
                LastRunAt: reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                LastMessage: reader.IsDBNull(4) ? null : reader.GetString(4),
                Critical: options?.Critical ?? false);
        }

        return result;
    }
}
