using BIS.Domain.Feeds;
using BIS.Ingest.Alarms;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.Steward;

/// <summary>
/// The steward board in Chromium against real Kestrel, PostgreSQL and the scheduler: alarms pushed to every open board,
/// a run followed live to its end, a refused run accepted. Fails on any console error or CSP violation.
/// </summary>
public sealed class BoardEndToEndTests(BoardServer server) : IClassFixture<BoardServer>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task An_alarm_shows_on_two_open_boards_and_acknowledged_on_one_it_clears_on_the_other()
    {
        await using var first = await BoardPage.OpenAsync(server);
        await using var second = await BoardPage.OpenAsync(server);

        var opened = await server.Services.GetRequiredService<AlarmEvaluator>().EvaluateAsync(CancellationToken.None);
        var id = opened.Opened.Count > 0
            ? opened.Opened[0]
            : await server.Database.ScalarAsync<long>("SELECT min(alarm_id) FROM feed_alarm WHERE resolved_at IS NULL AND acknowledged_at IS NULL");
        var onFirst = first.Page.Locator($"li.alarm-new[data-alarm='{id}']");
        var onSecond = second.Page.Locator($"li.alarm-new[data-alarm='{id}']");
        // Pushed to both (NOTIFY → listener → circuit), neither page reloaded.
        await Assertions.Expect(onFirst).ToBeVisibleAsync(Long);
        await Assertions.Expect(onSecond).ToBeVisibleAsync(Long);
        await first.ShotAsync("alarm-open");
        await first.Page.Locator(".alarm-panel").ScreenshotAsync(new() { Path = Path.Combine(BoardServer.ShotDirectory, "alarm-panel.png") });

        await onFirst.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        var acknowledged = second.Page.Locator($"li.alarm[data-alarm='{id}']");
        await Assertions.Expect(acknowledged).ToContainTextAsync("acknowledged by steward", new() { Timeout = 60_000 });
        await Assertions.Expect(onSecond).ToHaveCountAsync(0);
        await Assertions.Expect(acknowledged.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await second.ShotAsync("alarm-acknowledged-elsewhere");
        first.Console.AssertNoBrowserProblems();
        second.Console.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task Run_now_shows_the_run_progressing_phase_and_rows_to_success()
    {
        BoardFeedFiles.WriteBigViolations(server.City, 100_000);
        await using var board = await BoardPage.OpenAsync(server);
        var row = board.Row("violations");
        var before = await server.Database.ScalarAsync<long>("SELECT max(run_id) FROM feed_run WHERE feed = 'violations'");

        await row.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();

        await Assertions.Expect(row.Locator(".running .run-phase")).ToBeVisibleAsync(Long);
        var rowsSoFar = row.Locator(".running .run-rows");
        await Assertions.Expect(rowsSoFar).ToBeVisibleAsync(Long);
        var phases = new HashSet<string>();
        var counts = new HashSet<string>();
        await board.ShotAsync("board-run-in-progress");
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (await row.Locator(".running").CountAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the run did not end; phases seen: {string.Join(", ", phases)}");
            try
            {
                phases.Add(await row.Locator(".running .run-phase").InnerTextAsync(new() { Timeout = 1_000 }));
                if (await rowsSoFar.CountAsync() > 0)
                {
                    counts.Add(await rowsSoFar.InnerTextAsync(new() { Timeout = 1_000 }));
                }
            }
            catch (TimeoutException)
            {
                // The run ended between the two reads.
            }

            await Task.Delay(200);
        }

        var runId = await server.Database.ScalarAsync<long>($"SELECT min(run_id) FROM feed_run WHERE feed = 'violations' AND run_id > {before}");
        await Assertions.Expect(row.Locator(".last-run .run-status.status-succeeded")).ToBeVisibleAsync(Long);
        await Assertions.Expect(row.Locator(".last-run")).ToContainTextAsync($"run {runId}");
        Assert.Equal(FeedRunStatus.Succeeded.ToDb(), await server.Database.ScalarAsync<string>($"SELECT status FROM feed_run WHERE run_id = {runId}"));
        Assert.NotEmpty(counts);
        Assert.Contains(phases, p => p is "reading" or "staging" or "linking" or "merging" or "indexing" or "committing");
        await board.ShotAsync("board-run-succeeded");
        board.Console.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_refused_run_shows_its_reason_and_accept_anyway_applies_it()
    {
        var runner = server.Services.GetRequiredService<FeedRunner>();
        BoardFeedFiles.WriteHydrants(server.City, 40);
        Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None)).Status);
        BoardFeedFiles.WriteHydrants(server.City, 5);
        var refused = await runner.RunAsync(FeedKind.Hydrants, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, refused.Status);
        Assert.NotNull(refused.RefusedGate);

        await using var board = await BoardPage.OpenAsync(server);
        var row = board.Row("hydrants");
        await Assertions.Expect(row.Locator(".last-run .run-status.status-refused")).ToBeVisibleAsync(Long);
        await Assertions.Expect(row.Locator(".run-message")).ToContainTextAsync(refused.Message![..40]);
        await board.ShotAsync("board-refused-run");

        await row.GetByRole(AriaRole.Button, new() { Name = "Accept anyway…" }).ClickAsync();
        await Assertions.Expect(row.Locator(".accept-confirm")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, accept" }).ClickAsync();

        await Assertions.Expect(row.Locator(".last-run .run-status.status-succeeded")).ToBeVisibleAsync(Long);
        await Assertions.Expect(row.Locator(".run-message")).ToContainTextAsync($"accepting refused run {refused.RunId}");
        Assert.Equal(5L, await server.Database.ScalarAsync<long>("SELECT count(*) FROM hydrant"));
        Assert.Equal(1L, await server.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'feed.accept' AND actor = 'steward' AND detail = 'hydrants'"));
        board.Console.AssertNoBrowserProblems();
    }
}
