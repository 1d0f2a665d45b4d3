using System.Text.Json;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.TestSupport;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// A multi-megabyte cell does not travel whole into the record and onto the hazard card: free text is cut
/// with a warning on the record, an id or address that long rejects its row (bounded in the ledger too),
/// and the rest of the export loads.
/// </summary>
public sealed class FieldBoundsRunTests : MiniCityRunTests
{
    private static readonly string TwoMegabytes = new('x', 2 * 1024 * 1024);

    /// <summary>2,097,152 characters, starting with what makes the violation a hazard flag.</summary>
    private static readonly string HugeDescription = "Unsafe and Dangerous " + new string('x', (2 * 1024 * 1024) - 21);

    protected override string[]? FirstViolations =>
    [
        MiniCity.ViolationRow("V1", "Open", HugeDescription, "302", "Sumner", "ST"),
        MiniCity.ViolationRow(new string('9', 250), "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
        MiniCity.ViolationRow("V3", "Open", "Failure to Obtain Permit", "304", new string('s', 1_000_000), "ST"),
        MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
    ];

    private string Plans => Path.Combine(City.Directory, "plans.json");

    protected override Dictionary<string, string?> Settings()
    {
        var settings = City.FeedSettings();
        settings["Feeds:Sources:inspections:SourceName"] = "Mini plans";
        settings["Feeds:Sources:inspections:Files:0:Role"] = "plans";
        settings["Feeds:Sources:inspections:Files:0:Location"] = Plans;
        return settings;
    }

    [Fact]
    public async Task A_huge_description_is_cut_with_a_warning_and_rows_with_an_overlong_id_or_address_are_rejected()
    {
        Assert.Equal(4, FirstViolationsRun.RowsRead);
        Assert.Equal(2, FirstViolationsRun.RowsAccepted);
        Assert.Equal(2, FirstViolationsRun.RowsRejected);
        Assert.Equal(1, FirstViolationsRun.RowsWarned);

        // The violation loads, linked and flagged as usual, with the first 8,000 characters of its description.
        Assert.Equal(8_000, await Database.ScalarAsync<int>("SELECT length(attrs->>'description') FROM feed_record WHERE record_id = 'V1#121.2'"));
        Assert.Equal(
            "description: 2,097,152 characters, cut to 8,000",
            await Database.ScalarAsync<string>("SELECT array_to_string(warnings, ' | ') FROM feed_record WHERE record_id = 'V1#121.2'"));
        Assert.Equal(2L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations' AND building_id IS NOT NULL"));
        Assert.True(await Database.ScalarAsync<int>("SELECT max(length(flags::text)) FROM hazard_index") < 20_000);

        Assert.Equal(
            "case_no: 250 characters, more than the 200 an identifier can have",
            await Database.ScalarAsync<string>($"SELECT reason FROM rejected_row WHERE run_id = {FirstViolationsRun.RunId} AND line_number = 3 AND record_id IS NULL"));
        Assert.StartsWith(new string('9', 250) + ",1013,", await Database.ScalarAsync<string>($"SELECT raw_text FROM rejected_row WHERE run_id = {FirstViolationsRun.RunId} AND line_number = 3"), StringComparison.Ordinal);
        Assert.Equal(
            "violation_street: 1,000,000 characters, more than the 500 an address field can have",
            await Database.ScalarAsync<string>($"SELECT reason FROM rejected_row WHERE run_id = {FirstViolationsRun.RunId} AND line_number = 4 AND record_id = 'V3#121.2'"));
        // The ledger keeps enough of the megabyte row to recognise it, and says it was cut.
        var raw = await Database.ScalarAsync<string>($"SELECT raw_text FROM rejected_row WHERE run_id = {FirstViolationsRun.RunId} AND line_number = 4");
        Assert.StartsWith("V3,1013,", raw, StringComparison.Ordinal);
        Assert.EndsWith("…(cut: 1,000,131 characters in all)", raw, StringComparison.Ordinal);
        Assert.True(raw.Length < 16_100, $"{raw.Length} characters kept");
    }

    [Fact]
    public async Task A_row_whose_address_became_overlong_keeps_its_records_last_good_version()
    {
        const string V2 = "SELECT content_hash || '@' || building_id FROM feed_record WHERE record_id = 'V2#121.2'";
        var before = await Database.ScalarAsync<string>(V2);

        City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", HugeDescription, "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", new string('s', 600), "ST"));
        var damaged = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Unchanged, damaged.Status);
        Assert.Equal(1, damaged.RowsRejected);
        Assert.Equal("V2#121.2", await Database.ScalarAsync<string>($"SELECT record_id FROM rejected_row WHERE run_id = {damaged.RunId}"));
        Assert.Equal(before, await Database.ScalarAsync<string>(V2));
    }

    [Fact]
    public async Task An_inspection_items_overlong_note_is_cut_and_an_overlong_plan_id_rejected()
    {
        await File.WriteAllTextAsync(Plans, JsonSerializer.Serialize(new
        {
            items = new object[]
            {
                new { planId = "P1", address = "302 Sumner St, East Boston MA 02128", knoxBoxLocation = "Front door, left", notes = TwoMegabytes },
                new { planId = new string('P', 300), address = "304 Sumner St, East Boston MA 02128" },
                new { planId = "P3", address = "304 Sumner St, East Boston MA 02128", notes = "Truss roof over the rear addition" },
            },
            next = (string?)null,
        }));

        var run = await Runner.RunAsync(FeedKind.Inspections, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.RowsAccepted);
        Assert.Equal(1, run.RowsWarned);
        Assert.Equal(8_000, await Database.ScalarAsync<int>("SELECT length(attrs->>'notes') FROM feed_record WHERE feed = 'inspections' AND record_id = 'P1' AND building_id IS NOT NULL"));
        Assert.Equal("Front door, left", await Database.ScalarAsync<string>("SELECT attrs->>'knoxBoxLocation' FROM feed_record WHERE record_id = 'P1'"));
        Assert.Equal(
            "notes: 2,097,152 characters, cut to 8,000",
            await Database.ScalarAsync<string>("SELECT array_to_string(warnings, ' | ') FROM feed_record WHERE feed = 'inspections' AND record_id = 'P1'"));
        Assert.Equal(
            "planId: 300 characters, more than the 200 an identifier can have",
            await Database.ScalarAsync<string>($"SELECT reason FROM rejected_row WHERE run_id = {run.RunId} AND line_number = 2"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE record_id = 'P3' AND warnings IS NOT NULL"));
    }
}
