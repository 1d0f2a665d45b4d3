using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BIS.Web.Tests.Security;

namespace BIS.Web.Tests.Steward;

/// <summary>A run's page and the steward's CSV downloads over HTTP on a real database (the page as prerendered).</summary>
public sealed partial class RunPageTests(RunPageWebFactory factory) : IClassFixture<RunPageWebFactory>
{
    private long RunId => factory.RunId;

    [Fact]
    public async Task A_rejected_row_is_found_by_its_reason_on_the_page_and_in_the_csv()
    {
        using var steward = await StewardAsync();

        var page = await steward.GetStringAsync($"/steward/runs/{RunId}?reason=missing%20case_no");
        Assert.Contains(">missing case_no (60)</option>", page, StringComparison.Ordinal);
        Assert.Equal(50, RejectedRows().Matches(page).Count);
        var rejected = page[page.IndexOf("<table", StringComparison.Ordinal)..];
        Assert.DoesNotContain("cannot be located", rejected[..rejected.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);

        var csv = await steward.GetAsync($"/api/runs/{RunId}/rejected.csv?reason=missing%20case_no");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = CsvLines(await csv.Content.ReadAsStringAsync());
        Assert.Equal("line_number,reason,record_id,raw_text", lines[0]);
        Assert.Equal(RunPageWebFactory.MissingIds, lines.Length - 1);
        Assert.All(lines[1..], line => Assert.Contains(",missing case_no,,", line, StringComparison.Ordinal));
        Assert.StartsWith("7,missing case_no,,", lines[1], StringComparison.Ordinal);

        var all = CsvLines(await steward.GetStringAsync($"/api/runs/{RunId}/rejected.csv"));
        Assert.Equal(RunPageWebFactory.MissingIds + 2, all.Length - 1);
    }

    [Fact]
    public async Task Rejected_rows_are_paged_fifty_at_a_time_in_line_order()
    {
        using var steward = await StewardAsync();

        var first = await steward.GetStringAsync($"/steward/runs/{RunId}");
        var second = await steward.GetStringAsync($"/steward/runs/{RunId}?page=2");
        var beyond = await steward.GetStringAsync($"/steward/runs/{RunId}?page=9");

        Assert.Equal(50, RejectedRows().Matches(first).Count);
        Assert.Contains("page 1 of 2", first, StringComparison.Ordinal);
        Assert.Equal(RunPageWebFactory.MissingIds + 2 - 50, RejectedRows().Matches(second).Count);
        Assert.Contains("page 2 of 2", second, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">55</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"num\">56</td>", first, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">56</td>", second, StringComparison.Ordinal);
        Assert.Empty(RejectedRows().Matches(beyond));
        Assert.Contains("No rejected row on this page.", beyond, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_raw_text_is_shown_as_text_and_neutralised_in_the_csv()
    {
        using var steward = await StewardAsync();

        var page = await steward.GetStringAsync($"/steward/runs/{RunId}?reason=" + Uri.EscapeDataString(await HostileReasonAsync()));
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain(RunPageWebFactory.HostileText, page, StringComparison.Ordinal);

        foreach (var url in new[] { $"/api/runs/{RunId}/rejected.csv", "/api/feeds/violations/discrepancies.csv" })
        {
            var text = await steward.GetStringAsync(url);
            var hostile = CsvLines(text).Single(l => l.Contains("calc", StringComparison.Ordinal));
            Assert.Contains("\"'=cmd|' /C calc'!A0", hostile, StringComparison.Ordinal);
            Assert.DoesNotMatch("(^|,)=", hostile);
            Assert.Contains(RunPageWebFactory.HostileText, hostile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_discrepancy_report_codes_a_range_tie_an_address_not_found_and_rejected_rows()
    {
        using var steward = await StewardAsync();

        var response = await steward.GetAsync("/api/feeds/violations/discrepancies.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"violations-discrepancies.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        var lines = CsvLines(await response.Content.ReadAsStringAsync());

        Assert.Equal("problem_code,feed,source_record_id,line_number,raw_value,reason,run_id", lines[0]);
        Assert.StartsWith("ADDRESS_RANGE,violations,V3#121.2,4,", Single(lines, ",V3#"), StringComparison.Ordinal);
        Assert.Contains("covers 2 buildings", Single(lines, ",V3#"), StringComparison.Ordinal);
        Assert.StartsWith("ADDRESS_NOT_FOUND,violations,V4#121.2,5,", Single(lines, ",V4#"), StringComparison.Ordinal);
        Assert.Equal(RunPageWebFactory.MissingIds, lines.Count(l => l.StartsWith($"OMITTED_FIELD,violations,,", StringComparison.Ordinal) && l.EndsWith($",missing case_no,{RunId}", StringComparison.Ordinal)));
        Assert.StartsWith("OMITTED_FIELD,violations,\"'=cmd", Single(lines, "calc"), StringComparison.Ordinal);
        Assert.StartsWith("OMITTED_FIELD,violations,K1#121.2,6,", Single(lines, ",K1#"), StringComparison.Ordinal);
        Assert.Equal(1 + 2 + RunPageWebFactory.MissingIds + 2, lines.Length);

        Assert.Equal(HttpStatusCode.NotFound, (await steward.GetAsync("/api/feeds/nonsense/discrepancies.csv")).StatusCode);
        Assert.True(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'feed.discrepancies-download' AND actor = 'steward' AND detail = 'violations'") >= 1);
    }

    [Fact]
    public async Task The_page_shows_figures_phases_warned_and_kept_records_and_unmatched_records_with_their_best_candidate()
    {
        using var steward = await StewardAsync();

        var page = await steward.GetStringAsync($"/steward/runs/{RunId}");

        Assert.Contains("<dt>Rejected</dt><dd>62</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Accepted</dt><dd>4</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Match rate</dt><dd>50.0 %</dd>", page, StringComparison.Ordinal);
        Assert.Matches("<rect class=\"phase-c\\d\"[^>]*><title>reading: ", page);
        Assert.Contains("coordinates unusable", page, StringComparison.Ordinal);
        var kept = page[page.IndexOf("aria-label=\"Records kept from the last good version\"", StringComparison.Ordinal)..];
        kept = kept[..kept.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"record\">K1#121.2</td><td class=\"num\">6</td><td class=\"reason\">cannot be located", kept, StringComparison.Ordinal);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE record_id = 'K1#121.2'"));

        var v4 = page[page.IndexOf("<td class=\"record\">V4#121.2</td>", StringComparison.Ordinal)..];
        v4 = v4[..v4.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("not found", v4, StringComparison.Ordinal);
        Assert.Contains("nearest on SARATOGA ST: 225 SARATOGA ST", v4, StringComparison.Ordinal);
        Assert.Contains("href=\"/steward/records/violations/V4%23121.2\"", v4, StringComparison.Ordinal);
        var fix = await steward.GetAsync("/steward/records/violations/V4%23121.2");
        Assert.Equal(HttpStatusCode.OK, fix.StatusCode);
        Assert.Contains("V4#121.2", await fix.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("covers 2 buildings", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/feeds/violations/discrepancies.csv\"", page, StringComparison.Ordinal);

        var board = await steward.GetStringAsync("/steward");
        Assert.Contains($"href=\"/steward/runs/{RunId}\"", board, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/feeds/violations/discrepancies.csv\"", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_is_a_404_and_an_unknown_runs_csv_a_404_problem()
    {
        using var steward = await StewardAsync();

        // Prerendered, the app's own 404 answers (the status code page); a console already open shows "No run …" in place.
        Assert.Equal(HttpStatusCode.NotFound, (await steward.GetAsync("/steward/runs/987654321")).StatusCode);

        var csv = await steward.GetAsync("/api/runs/987654321/rejected.csv");
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.Equal("application/problem+json", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_dispatcher_may_not_open_a_run_or_download_its_rows()
    {
        using var dispatcher = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync($"/steward/runs/{RunId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync($"/api/runs/{RunId}/rejected.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/feeds/violations/discrepancies.csv")).StatusCode);

        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/runs/{RunId}/rejected.csv")).StatusCode);
    }

    private async Task<string> HostileReasonAsync() =>
        await factory.Database.ScalarAsync<string>($"SELECT reason FROM rejected_row WHERE run_id = {RunId} AND raw_text LIKE '=cmd%'");

    private static string Single(string[] lines, string part) => Assert.Single(lines, l => l.Contains(part, StringComparison.Ordinal));

    private static string[] CsvLines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private async Task<HttpClient> StewardAsync()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, "steward", "steward-test-password");
        return client;
    }

    [GeneratedRegex("<tr class=\"rejected-row\">")]
    private static partial Regex RejectedRows();
}
