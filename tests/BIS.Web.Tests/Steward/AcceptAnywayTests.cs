using System.Net;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Tests.Feeds;
using BIS.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Steward;

/// <summary>"Accept anyway" on the steward desk: a run refused by a judgment gate applied through the scheduler, audited.</summary>
public sealed class AcceptAnywayTests(SchedulerWebFactory factory) : IClassFixture<SchedulerWebFactory>
{
    [Fact]
    public async Task A_run_refused_by_the_row_count_gate_is_applied_when_a_steward_accepts_it()
    {
        var runner = factory.Services.GetRequiredService<FeedRunner>();
        var rows = Enumerable.Range(1, 40).Select(i => MiniCity.ViolationRow($"W{i}", "Open", "Maintenance", "302", "Sumner", "ST")).ToArray();
        factory.City.WriteViolations(rows);
        Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        factory.City.WriteViolations(rows[..5]);
        var refused = await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(RefusalGate.RowCount, refused.RefusedGate);

        using var steward = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SignIn.AsAsync(steward, "steward", "steward-test-password");
        Assert.Contains("Accept anyway", await steward.GetStringAsync("/steward"), StringComparison.Ordinal);
        await CsrfToken.AttachAsync(steward);
        Assert.Equal(HttpStatusCode.Accepted, (await steward.PostAsync("/api/feeds/violations/accept", null)).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? outcome = null;
        while (DateTime.UtcNow < deadline && outcome is null)
        {
            outcome = await factory.Database.ScalarAsync<string?>(
                $"SELECT status || '|' || accepts_run_id FROM feed_run WHERE feed = 'violations' AND accepted_by = 'steward' AND status <> 'running'");
            await Task.Delay(100);
        }

        Assert.Equal($"succeeded|{refused.RunId}", outcome);
        Assert.Equal(5L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'violations'"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'feed.accept' AND actor = 'steward' AND detail = 'violations'"));
    }
}
