using System.Collections.Concurrent;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Live;
using BIS.Web.Lookup;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Lookup;

/// <summary>
/// Lookup answers are kept in memory, so the one thing that must never happen is a card served from
/// memory after a feed run changed what it shows. A real run, a real NOTIFY, the real listener.
/// </summary>
public sealed class LookupCacheInvalidationTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    [Fact]
    public async Task A_kept_summary_and_search_are_read_again_once_a_feed_run_is_heard()
    {
        var lookup = factory.Services.GetRequiredService<BuildingLookup>();
        var caches = factory.Services.GetRequiredService<LookupCaches>();
        var building = await factory.Database.ScalarAsync<long>("SELECT building_id FROM building WHERE address_key = '302 SUMNER ST'");
        var heard = new ConcurrentBag<long>();
        var live = factory.Services.GetRequiredService<LiveUpdates>();
        Func<BuildingsChanged, Task> onChange = change =>
        {
            heard.Add(change.RunId);
            return Task.CompletedTask;
        };
        live.BuildingsChanged += onChange;
        try
        {
            var before = await lookup.GetAsync(building, CancellationToken.None);
            Assert.Contains(before!.OpenViolations, v => v.Description == "Unsafe and Dangerous");
            var hits = caches.Summaries.Hits;
            await lookup.GetAsync(building, CancellationToken.None);
            Assert.Equal(hits + 1, caches.Summaries.Hits);
            Assert.Equal(building, (await lookup.SearchAsync("302 sumner st", 5, CancellationToken.None))[0].BuildingId);

            // The case is re-described and a new one opens next door; 302 keeps its flags' kinds.
            factory.City.WriteViolations(
                MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous - rear stairs", "302", "Sumner", "ST"),
                MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"));
            var run = await factory.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None);
            Assert.Equal(FeedRunStatus.Succeeded, run.Status);
            await Eventually.HoldsAsync(() => heard.Contains(run.RunId), TimeSpan.FromSeconds(20), "The change notice was not heard within 20 s.");

            var after = await lookup.GetAsync(building, CancellationToken.None);
            Assert.Contains(after!.OpenViolations, v => v.Description == "Unsafe and Dangerous - rear stairs");
            Assert.DoesNotContain(after.OpenViolations, v => v.Description == "Unsafe and Dangerous");
        }
        finally
        {
            live.BuildingsChanged -= onChange;
        }
    }
}
