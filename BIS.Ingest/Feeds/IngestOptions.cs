using System.ComponentModel.DataAnnotations;

namespace BIS.Ingest.Feeds;

/// <summary>
/// The "Ingest" configuration section: how the pipeline links and schedules. Its <c>MaxTextLength</c> is bound with
/// the readers that use it (<see cref="Sources.FieldBoundsOptions"/>).
/// </summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Run the Quartz scheduler in this process (BIS.Web by default; off on web nodes when workers ingest).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>Use Quartz's clustered ADO job store on PostgreSQL (needed when more than one ingest node runs).</summary>
    public bool Clustered { get; set; }

    /// <summary>Last rung of the linkage ladder: a record this close to a building (metres) links to it.</summary>
    [Range(0, 500)]
    public double NearestBuildingToleranceMeters { get; set; } = 30;

    /// <summary>
    /// When every building is re-evaluated with today's date and the current rules (<see cref="HazardIndex.HazardIndexRefresh"/>):
    /// a Quartz cron, nightly by default. It also runs when the scheduler starts with rules that changed.
    /// </summary>
    public string IndexRefreshCron { get; set; } = "0 30 3 * * ?";

    /// <summary>Where fetched inputs are kept during a run; a temp directory when empty.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Largest input accepted from one location, so a runaway source cannot fill the disk.</summary>
    [Range(1, long.MaxValue)]
    public long MaxInputBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How often a run in progress writes its rows so far for the steward board (<see cref="Pipeline.RunProgress"/>).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
