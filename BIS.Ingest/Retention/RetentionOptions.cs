using System.ComponentModel.DataAnnotations;

namespace BIS.Ingest.Retention;

/// <summary>
/// The "Retention" configuration section: how long the ledger, rejected rows, change lists and the audit
/// log are kept (<see cref="RetentionPruner"/>, nightly by <see cref="Cron"/>). The lower bounds refuse a
/// typo that would wipe the audit trail or the ledger at the next night.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Prune nightly. Off: nothing is ever deleted.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron: 04:15, after the nightly re-judging of every building (03:30).</summary>
    public string Cron { get; set; } = "0 15 4 * * ?";

    /// <summary>Audit rows (who saw which building's hazards) are kept this long: 7 years.</summary>
    [Range(365, 36_500)]
    public int AuditLogDays { get; set; } = 2_557;

    /// <summary>Rejected rows are kept for this many of each feed's latest runs that read an input (unchanged runs do not count), and always for its last good run.</summary>
    [Range(1, 10_000)]
    public int RejectedRowRunsPerFeed { get; set; } = 30;

    /// <summary>The list of buildings each run changed (read by the change listeners within seconds of the run) is kept this long.</summary>
    [Range(1, 36_500)]
    public int RunChangedBuildingDays { get; set; } = 30;

    /// <summary>
    /// Ledger rows older than this are deleted, except each feed's last good run, its latest
    /// <see cref="RejectedRowRunsPerFeed"/> runs, and any run another row still names.
    /// </summary>
    [Range(90, 36_500)]
    public int FeedRunDays { get; set; } = 730;
}
