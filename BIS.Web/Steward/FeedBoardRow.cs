using BIS.Ingest.Freshness;

namespace BIS.Web.Steward;

/// <summary>One feed as the steward board shows it.</summary>
/// <param name="History">The feed's last runs, oldest first, for the chart.</param>
/// <param name="Running">The run in progress, if any: its phase is shown live.</param>
/// <param name="Figures">The latest run that read its input: an "unchanged" run skipped reading, and its zeros say nothing of the data.</param>
public sealed record FeedBoardRow(
    string Feed,
    string SourceName,
    string Cron,
    DateTimeOffset? NextRunAt,
    FeedFreshnessEntry Freshness,
    RunView? LastRun,
    RunView? Running,
    RunView? Figures,
    PauseView? Pause,
    IReadOnlyList<RunPoint> History);

/// <summary>A run's figures from the ledger.</summary>
/// <param name="RowsSoFar">While the run is in progress: rows read (or staged) so far, written about once a second by the runner.</param>
public sealed record RunView(
    long RunId, string Status, string? Phase, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    long Read, long Accepted, long Rejected, long Warned, long Matched, long Unmatched, string? Message, string? RefusedGate,
    long? RowsSoFar = null)
{
    /// <summary>Share of accepted rows linked to a building; null when nothing was accepted.</summary>
    public double? MatchPercent => Accepted == 0 ? null : 100.0 * Matched / Accepted;
}

public sealed record PauseView(string? By, DateTimeOffset? At, string? Reason);

/// <summary>One bar of the run chart: rows read and seconds taken.</summary>
public sealed record RunPoint(long RunId, string Status, long RowsRead, double Seconds);
