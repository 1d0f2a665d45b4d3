using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Live;

/// <summary>A committed feed run that changes a building reaches the console's notifier through LISTEN/NOTIFY.</summary>
public sealed class HazardChangeListenerTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    [Fact]
    public async Task A_violations_run_that_changes_302_Sumner_is_heard_with_its_building_id()
    {
        var building = await factory.Database.ScalarAsync<long>("SELECT building_id FROM building WHERE address_key = '302 SUMNER ST'");
        var heard = new TaskCompletionSource<BuildingsChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var live = factory.Services.GetRequiredService<LiveUpdates>();
        Func<BuildingsChanged, Task> onChange = change =>
        {
            if (change.Includes(building))
            {
                heard.TrySetResult(change);
            }

            return Task.CompletedTask;
        };
        live.BuildingsChanged += onChange;
        try
        {
            // The listener connects in the background at start; a change made before it listens is never heard.
            await factory.Services.GetRequiredService<DatabaseChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(20));
            factory.City.WriteViolations(
                MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
                MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
                MiniCity.ViolationRow("V3", "Open", "Vacant building not secured", "302", "Sumner", "ST"));
            var run = await factory.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None);
            Assert.Equal(FeedRunStatus.Succeeded, run.Status);

            var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("violations", change.Feed);
            Assert.Equal(run.RunId, change.RunId);
        }
        finally
        {
            live.BuildingsChanged -= onChange;
        }
    }
}
