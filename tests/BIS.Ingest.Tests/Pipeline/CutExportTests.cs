using System.Globalization;
using System.Text;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// An export cut short must not delete live records. The real ISD violations export of the sample city
/// (2,040 rows) is loaded first; then cut at a row boundary (which reads as valid rows and passes the
/// row-count gate), cut in the middle of its last row, or still being written while the run copies it.
/// </summary>
public sealed class CutExportTests : MiniCityRunTests
{
    // The export's 2,040 rows hold 2,028 records: twelve rows are rejected or repeat a case.
    private const long RealRecords = 2028;

    private static readonly string[] RealLines = File.ReadAllLines(Path.Combine(RepoPaths.RealData, "building_property_violations.csv"));

    /// <summary>The real export as the first load, instead of the mini city's two rows.</summary>
    protected override string[]? FirstViolations => RealLines[1..];

    private long LiveViolations => Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations'").Result;

    private void WriteRealRows(int count) => File.WriteAllText(City.Violations, string.Join('\n', RealLines[..(count + 1)]) + "\n");

    [Fact]
    public async Task An_export_cut_at_a_row_boundary_is_refused_by_the_deletion_gate_and_the_last_good_data_stays()
    {
        Assert.Equal(RealRecords, LiveViolations);
        var before = await Database.IndexChecksumAsync();

        // 59 % of the rows: the row-count gate (50 %) lets it through.
        WriteRealRows(1204);
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.StartsWith("Would delete 41 % of violations' 2,028 live records (833 are missing from this input", result.Message, StringComparison.Ordinal);
        Assert.Contains("the last good data is still live", result.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalGate.Deletion, result.RefusedGate);
        Assert.Equal("deletion", await Database.ScalarAsync<string>($"SELECT refused_gate FROM feed_run WHERE run_id = {result.RunId}"));
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }

    [Fact]
    public async Task A_run_that_deletes_less_than_the_share_loads()
    {
        // 4 % of the records go: closed cases dropping out of an export is ordinary.
        WriteRealRows(1959);
        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, result.Status);
        Assert.Equal(1947, LiveViolations);
    }

    [Fact]
    public async Task The_share_is_configured_per_feed()
    {
        using var strict = IngestHost.Build(Database.ConnectionString, manifestPath: null, new Dictionary<string, string?>(City.FeedSettings())
        {
            ["Feeds:Sources:violations:MaxDeleteShare"] = "0.01",
        });
        WriteRealRows(1959);
        var result = await strict.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.StartsWith("Would delete 4 % of violations' 2,028 live records (81 are missing", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_run_accepted_on_purpose_is_applied_and_the_ledger_says_by_whom()
    {
        WriteRealRows(1204);
        var refused = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, refused.Status);

        var accepted = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, acceptance: new RunAcceptance("steward@fd"));

        Assert.Equal(FeedRunStatus.Succeeded, accepted.Status);
        Assert.Contains($"Applied on purpose by steward@fd, accepting refused run {refused.RunId}", accepted.Message, StringComparison.Ordinal);
        Assert.Equal(1195, LiveViolations);
        Assert.Equal(
            $"steward@fd|{refused.RunId}",
            await Database.ScalarAsync<string>($"SELECT accepted_by || '|' || accepts_run_id FROM feed_run WHERE run_id = {accepted.RunId}"));
    }

    [Fact]
    public async Task Accepting_is_refused_when_the_input_changed_since_the_refusal()
    {
        WriteRealRows(1204);
        var refused = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        WriteRealRows(1100);
        var before = await Database.IndexChecksumAsync();

        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, acceptance: new RunAcceptance("steward@fd"));

        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Contains($"The input changed since run {refused.RunId} was refused", result.Message, StringComparison.Ordinal);
        Assert.Null(result.RefusedGate);
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }

    [Fact]
    public async Task There_is_nothing_to_accept_after_a_good_run_or_a_refusal_for_damage()
    {
        var afterGoodRun = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, acceptance: new RunAcceptance("steward@fd"));
        Assert.Equal(FeedRunStatus.Refused, afterGoodRun.Status);
        Assert.StartsWith("Nothing to accept: the last run of violations", afterGoodRun.Message, StringComparison.Ordinal);

        File.WriteAllText(City.Violations, "case_no,status,code\nV9,Open,121.2\n");
        Assert.Equal(FeedRunStatus.Refused, (await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        var afterDamage = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, acceptance: new RunAcceptance("steward@fd"));
        Assert.Equal(FeedRunStatus.Refused, afterDamage.Status);
        Assert.Contains("missing required column", afterDamage.Message, StringComparison.Ordinal);
        Assert.Equal(RealRecords, LiveViolations);
    }

    [Fact]
    public async Task A_file_whose_last_line_is_cut_short_is_refused_as_incomplete_and_cannot_be_accepted()
    {
        var before = await Database.IndexChecksumAsync();
        // The whole export but for the end of its last row: a download that stopped mid-line.
        var text = string.Join('\n', RealLines);
        File.WriteAllText(City.Violations, text[..(text.Length - 60)]);

        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Contains("ends in the middle of a row: line 2041 has", result.Message, StringComparison.Ordinal);
        Assert.Null(result.RefusedGate);
        Assert.Equal(before, await Database.IndexChecksumAsync());
        var accepting = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, acceptance: new RunAcceptance("steward@fd"));
        Assert.StartsWith("Nothing to accept", accepting.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_last_row_without_a_line_end_loads()
    {
        File.WriteAllText(City.Violations, string.Join('\n', RealLines[..1960]));

        var result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, result.Status);
        Assert.Equal(1947, LiveViolations);
    }

    [Fact]
    public async Task A_file_still_growing_while_the_run_copies_it_is_refused()
    {
        var before = await Database.IndexChecksumAsync();
        // A big export being appended to: the copy cannot finish before the file changes again.
        var rows = new StringBuilder(string.Join('\n', RealLines)).Append('\n');
        for (var i = 0; i < 40; i++)
        {
            rows.AppendJoin('\n', RealLines[1..].Select(line => "X" + i.ToString(CultureInfo.InvariantCulture) + line)).Append('\n');
        }

        File.WriteAllText(City.Violations, rows.ToString());
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var append = new FileStream(City.Violations, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            var line = Encoding.UTF8.GetBytes(RealLines[1] + "\n");
            while (!stop.IsCancellationRequested)
            {
                await append.WriteAsync(line);
                await append.FlushAsync();
            }
        });

        FeedRunResult result;
        try
        {
            result = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Contains("changed while it was being copied", result.Message, StringComparison.Ordinal);
        Assert.Contains("still being written", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Database.IndexChecksumAsync());
    }
}
