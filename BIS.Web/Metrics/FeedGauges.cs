using System.Diagnostics.Metrics;
using BIS.Ingest.Freshness;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Metrics;

/// <summary>
/// The figures Prometheus reads from the database — each feed's data age and SLA, and the open alarms — as observable
/// gauges. A gauge's callback must answer at once and cannot await a query, and a scrape (or several collectors)
/// must not cost a query each: the values are read every <see cref="MetricsOptions.GaugeRefreshSeconds"/> in the
/// background and the callbacks report the last reading. A failed reading keeps the previous one.
/// </summary>
public sealed class FeedGauges : BackgroundService
{
    private readonly FeedFreshness _freshness;
    private readonly NpgsqlDataSource _dataSource;
    private readonly IOptions<MetricsOptions> _options;
    private readonly ILogger<FeedGauges> _logger;
    private volatile Snapshot _last = new([], null);

    public FeedGauges(IMeterFactory meters, FeedFreshness freshness, NpgsqlDataSource dataSource, IOptions<MetricsOptions> options, ILogger<FeedGauges> logger)
    {
        (_freshness, _dataSource, _options, _logger) = (freshness, dataSource, options, logger);
        var meter = meters.Create(RunMetrics.MeterName);
        meter.CreateObservableGauge("bis.feed.data_age", () => PerFeed(f => f.AgeHours * 3600), "s", "Age of the feed's last good load (absent: never loaded)");
        meter.CreateObservableGauge("bis.feed.sla", () => PerFeed(f => f.SlaHours * 3600), "s", "The feed's freshness SLA: older data is stale");
        meter.CreateObservableGauge("bis.feed.stale", () => PerFeed(f => f.Stale ? 1 : 0), "1", "1 when the feed is stale");
        meter.CreateObservableGauge("bis.alarms.open", OpenAlarms, "{alarm}", "Feed alarms not yet resolved");
    }

    /// <summary>When the figures were last read; null until the first reading.</summary>
    public DateTimeOffset? ReadAt => _last.At;

    private sealed record Snapshot(IReadOnlyList<FeedFreshnessEntry> Feeds, DateTimeOffset? At, long OpenAlarms = 0);

    private IEnumerable<Measurement<double>> PerFeed(Func<FeedFreshnessEntry, double?> value) =>
        _last.Feeds.Where(f => value(f) is not null)
            .Select(f => new Measurement<double>(value(f)!.Value, new KeyValuePair<string, object?>("feed", f.Feed)));

    private IEnumerable<Measurement<long>> OpenAlarms() =>
        _last.At is null ? [] : [new Measurement<long>(_last.OpenAlarms)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.Value.GaugeRefreshSeconds));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                _logger.LogWarning(ex, "The feed figures for the metrics could not be read; the last reading stays");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var feeds = await _freshness.ReadAsync(cancellationToken);
        await using var count = _dataSource.CreateCommand("SELECT count(*) FROM feed_alarm WHERE resolved_at IS NULL");
        var open = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        _last = new Snapshot(feeds.Values.OrderBy(f => f.Feed, StringComparer.Ordinal).ToList(), DateTimeOffset.UtcNow, open);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
