using System.Diagnostics.Metrics;
using BIS.Ingest.Ledger;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// What every finished run adds to the <c>BIS</c> meter: rows read, accepted and rejected per feed, and how long the
/// run took. Recorded where the run ends, in whichever process ran it; a process with an exporter (BIS.Web's
/// metrics listener) publishes them.
/// </summary>
public sealed class RunMetrics
{
    /// <summary>The meter of everything BIS measures itself (BIS.Web adds the data age, alarm and lookup figures to it).</summary>
    public const string MeterName = "BIS";

    private readonly Counter<long> _read;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _duration;

    public RunMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _read = meter.CreateCounter<long>("bis.feed.rows.read", "{row}", "Rows read from a feed's input");
        _accepted = meter.CreateCounter<long>("bis.feed.rows.accepted", "{row}", "Rows that passed validation");
        _rejected = meter.CreateCounter<long>("bis.feed.rows.rejected", "{row}", "Rows rejected, each kept with its line number and reason");
        _duration = meter.CreateHistogram(
            "bis.feed.run.duration", "s", "Time a feed run took, whatever its outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });
    }

    public void Record(FeedRunResult run)
    {
        var feed = new KeyValuePair<string, object?>("feed", run.Feed);
        _read.Add(run.RowsRead, feed);
        _accepted.Add(run.RowsAccepted, feed);
        _rejected.Add(run.RowsRejected, feed);
        _duration.Record(run.Elapsed.TotalSeconds, feed, new KeyValuePair<string, object?>("status", run.Status.ToDb()));
    }
}
