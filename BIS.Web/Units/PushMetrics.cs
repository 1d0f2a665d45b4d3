using System.Diagnostics.Metrics;
using BIS.Ingest.Pipeline;

namespace BIS.Web.Units;

/// <summary>
/// The push figures on the BIS meter, scraped with the rest (README, Metrics): messages pushed and how long each
/// waited in the outbox before this node pushed it, tablets' receipts and acknowledgements, live tablet connections.
/// Per node: a message is pushed by the node that holds its unit's connection.
/// </summary>
public sealed class PushMetrics
{
    private readonly Counter<long> _pushed;
    private readonly Histogram<double> _outboxWait;
    private readonly Counter<long> _marked;

    public PushMetrics(IMeterFactory meters, UnitConnections connections)
    {
        var meter = meters.Create(RunMetrics.MeterName);
        _pushed = meter.CreateCounter<long>("bis.push.messages", "{message}", "Unit messages pushed to live tablet connections");
        _outboxWait = meter.CreateHistogram(
            "bis.push.outbox_wait", "s", "From a unit message's commit to its push by this node",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15] });
        _marked = meter.CreateCounter<long>("bis.push.receipts", "{call}", "Tablets' Received and Acknowledge calls that marked messages");
        meter.CreateObservableGauge("bis.push.connections", () => connections.Count, "{connection}", "Live tablet connections on this node");
    }

    public void Pushed(UnitMessage message, DateTimeOffset now)
    {
        var kind = new KeyValuePair<string, object?>("kind", message.Kind);
        _pushed.Add(1, kind);
        _outboxWait.Record(Math.Max(0, (now - message.CreatedAt).TotalSeconds), kind);
    }

    public void Marked(bool shown) => _marked.Add(1, new KeyValuePair<string, object?>("kind", shown ? "acknowledged" : "received"));
}
