using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.Web.Live;
using BIS.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Steward;

/// <summary>
/// "Fix the link" over HTTP as a steward's browser calls it (cookie + CSRF), on a real database with the real roles:
/// the flag moves at once and is announced to open consoles, later runs keep the choice, every choice is audited.
/// </summary>
public sealed class ManualLinkApiTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private const string Building302 = "SELECT building_id FROM building WHERE parcel_id = '0102280000'";
    private const string Building304 = "SELECT building_id FROM building WHERE parcel_id = '0102290000'";

    [Fact]
    public async Task A_steward_links_a_record_the_flag_moves_at_once_consoles_hear_it_and_the_next_run_keeps_it()
    {
        var (at302, at304) = (await factory.Database.ScalarAsync<long>(Building302), await factory.Database.ScalarAsync<long>(Building304));
        var recordId = await RecordIdAsync("V1");
        Assert.True(await HasV1FlagAsync(at302));
        using var steward = await StewardAsync();

        var heard = new TaskCompletionSource<BuildingsChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var live = factory.Services.GetRequiredService<LiveUpdates>();
        Func<BuildingsChanged, Task> onChange = change =>
        {
            if (change.Feed == "violations" && change.Includes(at302) && change.Includes(at304))
            {
                heard.TrySetResult(change);
            }

            return Task.CompletedTask;
        };
        live.BuildingsChanged += onChange;
        try
        {
            var linked = await steward.PostAsJsonAsync(RecordPath(recordId, "link"), new { buildingId = at304, note = "rear building" });
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
            var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(change.BuildingIds);
        }
        finally
        {
            live.BuildingsChanged -= onChange;
        }

        Assert.True(await HasV1FlagAsync(at304));
        Assert.False(await HasV1FlagAsync(at302));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'record.link' AND actor = 'steward' AND actor_role = 'steward' " +
            $"AND detail = 'violations {recordId}: building {at302} → {at304} (note: rear building)'"));

        var runner = factory.Services.GetRequiredService<FeedRunner>();
        Assert.NotEqual(FeedRunStatus.Failed, (await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true)).Status);
        Assert.True(await HasV1FlagAsync(at304));
        Assert.False(await HasV1FlagAsync(at302));

        var record = await steward.GetFromJsonAsync<JsonElement>(RecordPath(recordId, null));
        Assert.Equal("manual", record.GetProperty("record").GetProperty("method").GetString());
        Assert.Equal("in force", record.GetProperty("history")[0].GetProperty("state").GetString());

        // Put back as the ladder would have it, for the other tests of the class.
        Assert.Equal(HttpStatusCode.OK, (await steward.PostAsJsonAsync(RecordPath(recordId, "link"), new { buildingId = at302 })).StatusCode);
    }

    [Fact]
    public async Task An_unlinked_record_stays_unmatched_across_runs_and_the_unlink_is_audited()
    {
        var at304 = await factory.Database.ScalarAsync<long>(Building304);
        var recordId = await RecordIdAsync("V2");
        using var steward = await StewardAsync();

        Assert.Equal(HttpStatusCode.OK, (await steward.PostAsJsonAsync(RecordPath(recordId, "unlink"), new { note = "wrong city" })).StatusCode);
        var runner = factory.Services.GetRequiredService<FeedRunner>();
        Assert.NotEqual(FeedRunStatus.Failed, (await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None, force: true)).Status);

        Assert.Equal("manual|left unmatched by steward: wrong city", await factory.Database.ScalarAsync<string>(
            $"SELECT match_method || '|' || unmatched_reason FROM feed_record WHERE feed = 'violations' AND record_id = '{recordId}' AND building_id IS NULL"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'record.unlink' AND detail = 'violations {recordId}: building {at304} → none (note: wrong city)'"));

        Assert.Equal(HttpStatusCode.OK, (await steward.PostAsJsonAsync(RecordPath(recordId, "link"), new { buildingId = at304 })).StatusCode);
    }

    [Fact]
    public async Task Unknown_records_feeds_and_buildings_and_a_missing_building_get_problem_answers()
    {
        using var steward = await StewardAsync();
        var recordId = await RecordIdAsync("V1");

        await AssertProblemAsync(HttpStatusCode.NotFound, await steward.PostAsJsonAsync(RecordPath("no-such-record", "link"), new { buildingId = 1 }));
        await AssertProblemAsync(HttpStatusCode.NotFound, await steward.PostAsJsonAsync("/api/feeds/no-such-feed/records/x/unlink", new { }));
        await AssertProblemAsync(HttpStatusCode.NotFound, await steward.GetAsync(RecordPath("no-such-record", null)));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await steward.PostAsJsonAsync(RecordPath(recordId, "link"), new { note = "which?" }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await steward.PostAsJsonAsync(RecordPath(recordId, "link"), new { buildingId = 987654321 }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await steward.PostAsync(RecordPath(recordId, "link"),
            new StringContent("{\"buildingId\": \"three\"", System.Text.Encoding.UTF8, "application/json")));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await steward.PostAsJsonAsync(RecordPath(recordId, "unlink"), new { note = new string('n', 501) }));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM manual_link WHERE record_id = '{recordId}' AND building_id = 987654321"));
    }

    [Fact]
    public async Task A_dispatcher_may_not_link_and_a_steward_needs_the_antiforgery_token()
    {
        var recordId = await RecordIdAsync("V1");
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM manual_link");

        using var dispatcher = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        await CsrfToken.AttachAsync(dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync(RecordPath(recordId, "unlink"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync($"/steward/records/violations/{Uri.EscapeDataString(recordId)}")).StatusCode);

        using var forged = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(forged, "steward", "steward-test-password");
        Assert.Equal(HttpStatusCode.BadRequest, (await forged.PostAsJsonAsync(RecordPath(recordId, "unlink"), new { })).StatusCode);

        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync(RecordPath(recordId, "unlink"), new { })).StatusCode);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM manual_link"));
    }

    [Fact]
    public async Task The_record_page_shows_the_record_its_link_and_the_fix()
    {
        using var steward = await StewardAsync();
        var recordId = await RecordIdAsync("V1");
        var page = await steward.GetStringAsync($"/steward/records/violations/{Uri.EscapeDataString(recordId)}");
        Assert.Contains("Fix the link", page, StringComparison.Ordinal);
        Assert.Contains("Unsafe and Dangerous", page, StringComparison.Ordinal);
        Assert.Contains("302 SUMNER ST", page, StringComparison.OrdinalIgnoreCase);
    }

    private static string RecordPath(string recordId, string? action) =>
        $"/api/feeds/violations/records/{Uri.EscapeDataString(recordId)}" + (action is null ? "" : "/" + action);

    private Task<string> RecordIdAsync(string caseNo) =>
        factory.Database.ScalarAsync<string>($"SELECT record_id FROM feed_record WHERE feed = 'violations' AND record_id LIKE '{caseNo}#%'");

    private Task<bool> HasV1FlagAsync(long buildingId) =>
        factory.Database.ScalarAsync<bool>(
            $"""
            SELECT EXISTS (SELECT 1 FROM hazard_index h, jsonb_array_elements(h.flags) f
                           WHERE h.building_id = {buildingId} AND f::text LIKE '%unsafe-structure%' AND position('"V1#' in f::text) > 0)
            """);

    private static async Task AssertProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpClient> StewardAsync()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, "steward", "steward-test-password");
        await CsrfToken.AttachAsync(client);
        return client;
    }
}
