using System.Diagnostics;
using System.Diagnostics.Metrics;
using BIS.Ingest.Pipeline;

namespace BIS.Web.Metrics;

/// <summary>How long building lookups take (by id, by address text, by point), cache hits included: what a dispatcher waits.</summary>
public sealed class LookupLatency
{
    private readonly Histogram<double> _duration;

    public LookupLatency(IMeterFactory meters) =>
        _duration = meters.Create(RunMetrics.MeterName).CreateHistogram(
            "bis.lookup.duration", "s", "Time a building lookup took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    /// <summary>Measures until disposed: <c>using var _ = latency.Measure("search");</c>.</summary>
    public Measurement Measure(string kind) => new(this, kind, Stopwatch.GetTimestamp());

    public readonly struct Measurement(LookupLatency owner, string kind, long started) : IDisposable
    {
        public void Dispose() =>
            owner._duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }
}
