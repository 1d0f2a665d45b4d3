using System.Net;
using System.Net.Http.Json;
using BIS.Domain.Feeds;
using BIS.Ingest.Scheduling;
using BIS.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Steward;

/// <summary>A pause lives in the database: a host started after another one paused the feed shows it, honours it and resumes it.</summary>
public sealed class BoardPauseRestartTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    [Fact]
    public async Task A_pause_survives_a_restart_with_who_and_why_the_scheduler_does_not_run_it_and_resume_works()
    {
        var settings = factory.NodeSettings();
        settings["Ingest:RunScheduler"] = "true";
        using (var first = new ConfiguredNode("Testing", settings))
        {
            using var steward = await StewardAsync(first);
            Assert.Equal(HttpStatusCode.NoContent, (await steward.PostAsJsonAsync("/api/feeds/violations/pause", new { reason = "ISD re-issuing the export" })).StatusCode);
        }

        using var second = new ConfiguredNode("Testing", settings);
        using var client = await StewardAsync(second);
        var row = BoardRow(await client.GetStringAsync("/steward"), "violations");
        Assert.Contains("PAUSED", row, StringComparison.Ordinal);
        Assert.Contains("ISD re-issuing the export", row, StringComparison.Ordinal);
        Assert.Contains("by steward", row, StringComparison.Ordinal);

        var before = await LastRunAsync();
        await second.Services.GetRequiredService<FeedTrigger>().TriggerNowAsync(FeedKind.Violations, "steward", CancellationToken.None);
        var refused = await FinishedRunAfterAsync(before);
        Assert.Equal("refused|The feed is paused by a data steward.", refused);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/feeds/violations/resume", null)).StatusCode);
        Assert.DoesNotContain("PAUSED", BoardRow(await client.GetStringAsync("/steward"), "violations"), StringComparison.Ordinal);
        var afterRefusal = await LastRunAsync();
        await second.Services.GetRequiredService<FeedTrigger>().TriggerNowAsync(FeedKind.Violations, "steward", CancellationToken.None);
        Assert.StartsWith("unchanged|", await FinishedRunAfterAsync(afterRefusal), StringComparison.Ordinal);
    }

    private Task<long> LastRunAsync() => factory.Database.ScalarAsync<long>("SELECT coalesce(max(run_id), 0) FROM feed_run WHERE feed = 'violations'");

    private async Task<string> FinishedRunAfterAsync(long runId)
    {
        string? outcome = null;
        await Eventually.HoldsAsync(
            async () => (outcome = await factory.Database.ScalarAsync<string?>(
                $"SELECT status || '|' || coalesce(message, '') FROM feed_run WHERE feed = 'violations' AND run_id > {runId} AND status <> 'running' ORDER BY run_id LIMIT 1")) is not null,
            TimeSpan.FromSeconds(90), "the scheduler never ran the feed");
        return outcome!;
    }

    private static string BoardRow(string board, string feed)
    {
        var row = board[board.IndexOf($"data-feed=\"{feed}\"", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }

    private static async Task<HttpClient> StewardAsync(ConfiguredNode node)
    {
        var client = node.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, "steward", "steward-test-password");
        await CsrfToken.AttachAsync(client);
        return client;
    }
}
