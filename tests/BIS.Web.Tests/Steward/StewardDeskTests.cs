using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BIS.Domain.Feeds;
using BIS.Ingest.Alarms;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Steward;

/// <summary>The steward's desk over HTTP on a real database: the board page, pause and resume, alarms acknowledged.</summary>
public sealed class StewardDeskTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    [Fact]
    public async Task A_steward_lands_on_the_board_which_lists_every_feed_with_its_state()
    {
        using var steward = await StewardAsync();

        var landing = await steward.GetAsync("/");
        Assert.Equal("/steward", landing.Headers.Location?.OriginalString);
        var board = await steward.GetStringAsync("/steward");

        foreach (var feed in FeedLoadOrder.All)
        {
            Assert.Contains($"data-feed=\"{feed.Slug()}\"", board, StringComparison.Ordinal);
        }

        // The mini city loaded two feeds: the other five never did, and say so.
        Assert.Contains("STALE", board, StringComparison.Ordinal);
        Assert.Contains("never loaded", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_found_its_input_unchanged_leaves_the_figures_of_the_run_that_read_it()
    {
        var runner = factory.Services.GetRequiredService<FeedRunner>();
        var unchanged = await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(0, unchanged.RowsRead);
        var reading = await factory.Database.ScalarAsync<long>("SELECT max(run_id) FROM feed_run WHERE feed = 'violations' AND rows_read > 0");
        using var steward = await StewardAsync();

        var board = await steward.GetStringAsync("/steward");

        var row = board[board.IndexOf("data-feed=\"violations\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"run {unchanged.RunId}", row, StringComparison.Ordinal);
        Assert.Contains($"run {reading}</div>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dispatcher_may_not_open_the_board()
    {
        using var dispatcher = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(dispatcher, "dispatcher", BisWebFactory.DispatcherPassword);
        await CsrfToken.AttachAsync(dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/steward")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/feeds/hydrants/pause", new { reason = "no" })).StatusCode);
    }

    [Fact]
    public async Task A_pause_without_the_antiforgery_token_is_refused()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, "steward", "steward-test-password");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/feeds/inspections/pause", new { reason = "forged" })).StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM feed_control WHERE feed = 'inspections' AND paused"));
    }

    [Fact]
    public async Task A_pause_needs_a_reason_refuses_runs_until_resumed_and_is_audited()
    {
        using var steward = await StewardAsync();
        var noReason = await steward.PostAsJsonAsync("/api/feeds/hydrants/pause", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await steward.PostAsJsonAsync("/api/feeds/hydrants/pause", new { reason = "BWSC re-issuing the export" })).StatusCode);
        var runner = factory.Services.GetRequiredService<FeedRunner>();
        var paused = await runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, paused.Status);
        Assert.Contains("BWSC re-issuing the export", await steward.GetStringAsync("/steward"), StringComparison.Ordinal);
        Assert.Equal(
            "steward|hydrants: BWSC re-issuing the export|steward-desk-test/1.0",
            await factory.Database.ScalarAsync<string>("SELECT actor || '|' || detail || '|' || user_agent FROM audit_log WHERE action = 'feed.pause' ORDER BY audit_id DESC LIMIT 1"));

        Assert.Equal(HttpStatusCode.NoContent, (await steward.PostAsync("/api/feeds/hydrants/resume", null)).StatusCode);
        Assert.NotEqual(FeedRunStatus.Refused, (await runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task An_alarm_is_listed_acknowledged_once_and_the_acknowledgement_is_announced()
    {
        using var steward = await StewardAsync();
        var opened = await factory.Services.GetRequiredService<AlarmEvaluator>().EvaluateAsync(CancellationToken.None);
        var alarms = await steward.GetFromJsonAsync<JsonElement>("/api/alarms");
        var open = alarms.EnumerateArray().Where(a => a.GetProperty("resolvedAt").ValueKind == JsonValueKind.Null).ToList();
        Assert.NotEmpty(open);
        var id = opened.Opened.Count > 0 ? opened.Opened[0] : open[0].GetProperty("alarmId").GetInt64();

        await using var listener = await factory.Database.DataSource.OpenConnectionAsync();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => heard.TrySetResult();
        await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {AlarmEvaluator.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.NoContent, (await steward.PostAsync($"/api/alarms/{id}/acknowledge", null)).StatusCode);
        await listener.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(heard.Task.IsCompleted, "no NOTIFY for the acknowledgement");
        Assert.Equal("steward", await factory.Database.ScalarAsync<string>($"SELECT acknowledged_by FROM feed_alarm WHERE alarm_id = {id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await steward.PostAsync($"/api/alarms/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await steward.PostAsync($"/api/alarms/{id}/snooze?minutes=0", null)).StatusCode);
    }

    private async Task<HttpClient> StewardAsync()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd("steward-desk-test/1.0");
        await SignIn.AsAsync(client, "steward", "steward-test-password");
        await CsrfToken.AttachAsync(client);
        return client;
    }
}
