using System.Diagnostics;
using BIS.Domain.Feeds;
using BIS.Ingest.Feeds;
using BIS.Ingest.Ledger;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// The bookkeeping of one feed's run while it is in progress: its ledger row, what it has counted so
/// far (so a refused or failed run still reports its rows), its rejected rows and phase timings, and
/// its outcome once one is known.
/// </summary>
internal sealed class FeedRun
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private FeedRun(FeedKind feed, IFeedReader reader, FeedSourceOptions source, long runId, FeedLedger ledger, TimeSpan progressInterval)
    {
        Feed = feed;
        Reader = reader;
        Source = source;
        Phases = new RunPhases(ledger, runId);
        Progress = new RunProgress(ledger, runId, progressInterval);
        Current = new FeedRunResult { RunId = runId, Feed = feed.Slug(), Status = FeedRunStatus.Running };
    }

    public FeedKind Feed { get; }
    public IFeedReader Reader { get; }
    public FeedSourceOptions Source { get; }
    public RunPhases Phases { get; }

    /// <summary>Rows so far, for the board while the run is in progress; stopped when the run finishes.</summary>
    public RunProgress Progress { get; }
    public List<RejectedRow> Rejected { get; } = [];

    /// <summary>The latest counts; its status is Running until <see cref="Conclude"/>.</summary>
    public FeedRunResult Current { get; set; }

    /// <summary>Current records the merge inserted, updated or deleted.</summary>
    public long ChangedRecords { get; set; }

    public long RunId => Current.RunId;
    public bool IsOpen => Current.Status == FeedRunStatus.Running;

    public static async Task<FeedRun> StartAsync(
        FeedKind feed, IFeedReader reader, FeedSourceOptions source, string trigger, FeedLedger ledger, TimeSpan progressInterval,
        CancellationToken cancellationToken) =>
        new(feed, reader, source, await ledger.StartAsync(feed.Slug(), trigger, cancellationToken), ledger, progressInterval);

    public void Conclude(FeedRunStatus status, string? message, long buildingsChanged = 0) =>
        Current = Current with { Status = status, Message = message, BuildingsChanged = buildingsChanged };

    /// <summary>Refused: by a gate a steward may overrule, or (no gate) by damage no one can.</summary>
    public void Refuse(FeedRefusedException refusal) =>
        Current = Current with { Status = FeedRunStatus.Refused, Message = refusal.Message, RefusedGate = refusal.Gate };

    /// <summary>A steward applies this run on purpose, overruling the judgment gates.</summary>
    public bool IsAccepted => Current.AcceptedBy is not null;

    /// <summary>The run as the ledger keeps it: phases closed, rejected rows counted, time taken.</summary>
    public FeedRunResult Finish()
    {
        Phases.Close();
        return Current = Current with
        {
            RowsRejected = Math.Max(Current.RowsRejected, Rejected.Count),
            Elapsed = _clock.Elapsed,
            PhaseSeconds = Phases.Seconds,
        };
    }
}
