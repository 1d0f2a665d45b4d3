using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Steward;

/// <summary>
/// The mini city with two more buildings on Saratoga Street (225 and 227), and one violations run that has something
/// of everything the run page shows: valid rows, a range tying two buildings, an address not found, a row whose
/// coordinates are unusable (a warning), a row that no longer places a live record (K1: kept), 60 rows without a case
/// number and one hostile row that nothing places.
/// </summary>
public sealed class RunPageWebFactory : BisWebFactory
{
    public const int MissingIds = 60;

    /// <summary>Markup and a spreadsheet formula in one source row: its case number and description.</summary>
    public const string HostileId = "=cmd|' /C calc'!A0";
    public const string HostileText = "<script>alert('x')</script>";

    public long RunId { get; private set; }

    protected override async Task LoadAsync(FeedRunner runner)
    {
        City.AddBuilding("0200000225", "225", "SARATOGA ST");
        City.AddBuilding("0200000227", "227", "SARATOGA ST");
        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("K1", "Open", "Illegal occupancy", "100", "Meridian", "ST"));
        await base.LoadAsync(runner);

        City.WriteViolations(
        [
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST", at: (10.0, 10.0)),
            MiniCity.ViolationRow("V3", "Open", "Porch rotten", "225", "Saratoga", "ST").Replace(",225,,Saratoga,", ",225,227,Saratoga,", StringComparison.Ordinal),
            MiniCity.ViolationRow("V4", "Open", "No smoke detector", "22", "Saratoga", "ST"),
            MiniCity.ViolationRow("K1", "Open", "Illegal occupancy", "", "", ""),
            .. Enumerable.Range(1, MissingIds).Select(i => MiniCity.ViolationRow("", "Open", $"Row {i} without a case", "302", "Sumner", "ST")),
            MiniCity.ViolationRow(HostileId, "Open", HostileText, "", "", ""),
        ]);
        var run = await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        if (run.Status != FeedRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The run page's violations run did not succeed: {run.Status} {run.Message}");
        }

        RunId = run.RunId;
    }
}
