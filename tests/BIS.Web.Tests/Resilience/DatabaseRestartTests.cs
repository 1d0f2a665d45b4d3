using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace BIS.Web.Tests.Resilience;

/// <summary>
/// PostgreSQL restarted (and stopped) under a running BIS.Web, which is not restarted: within seconds
/// searches, hazard cards with their audit rows, map tiles, the change listener and a feed run all work
/// again, and no background loop stopped the host.
/// </summary>
public sealed class DatabaseRestartTests(PrivateClusterWebFactory factory, ITestOutputHelper output) : IClassFixture<PrivateClusterWebFactory>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task After_a_restart_searches_cards_audit_tiles_the_listener_and_a_feed_run_work_again_without_restarting_the_app()
    {
        using var cad = factory.CreateCadClient();
        await factory.Services.GetRequiredService<DatabaseChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(20));
        var sumner302 = await BuildingAsync("302 SUMNER ST");
        var sumner304 = await BuildingAsync("304 SUMNER ST");
        // Cards are audited with the incident they were opened for, which must exist.
        var first = await IncidentAsync();
        var second = await IncidentAsync();
        // Every pool now holds connections the restart will kill.
        Assert.Contains(sumner302, await SearchAsync(cad, "302 Sumner St"));
        Assert.Equal(HttpStatusCode.OK, (await cad.GetAsync($"/api/buildings/{sumner302}?incident={first}")).StatusCode);

        using var resynchronized = new Subscription(factory);
        var clock = Stopwatch.StartNew();
        await factory.Cluster.RestartAsync();
        var restart = clock.Elapsed;
        clock.Restart();
        // The test's own pool (for its checks) is no part of the app; its connections died too.
        factory.Database.DataSource.Clear();

        // The first requests after it are answered: what is not known before (the caches were dropped when
        // the listener lost its connection, and these were never asked) is read through new connections.
        Assert.Contains(sumner304, await SearchAsync(cad, "304 sumner"));
        var card = await cad.GetAsync($"/api/buildings/{sumner304}?incident={second}");
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE building_id = {sumner304} AND incident_id = {second}"));
        var (x, y) = SlippyTiles.At(42.36770, -71.03660, 18);
        Assert.Equal(HttpStatusCode.OK, (await cad.GetAsync($"/api/tiles/18/{x}/{y}.mvt")).StatusCode);
        var requests = clock.Elapsed;

        // The listener is back (it says so: notices sent while it was away are lost) and hears a feed run.
        await resynchronized.Resynchronized.WaitAsync(Within);
        factory.City.WriteViolations(
            MiniCity.ViolationRow("V1", "Open", "Unsafe and Dangerous", "302", "Sumner", "ST"),
            MiniCity.ViolationRow("V2", "Open", "Failure to Obtain Permit", "304", "Sumner", "ST"),
            MiniCity.ViolationRow("V3", "Open", "Vacant building not secured", "302", "Sumner", "ST"));
        // Waited for from before the run: its notice may arrive before the run has written its ledger row and returned.
        var changed = resynchronized.Changed(sumner302);
        var run = await factory.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var heard = await changed.WaitAsync(Within);
        Assert.Equal(run.RunId, heard.RunId);
        var recovered = clock.Elapsed;

        Assert.False(factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "A background loop stopped the host.");
        Assert.True(recovered < Within, $"Everything worked again only {recovered.TotalSeconds:F1} s after the restart.");
        output.WriteLine($"figure restart_seconds {restart.TotalSeconds:F2} s");
        output.WriteLine($"figure first_requests_after_restart_seconds {requests.TotalSeconds:F2} s");
        output.WriteLine($"figure all_working_after_restart_seconds {recovered.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task While_the_database_is_down_requests_get_503_and_once_it_is_back_they_are_answered_again()
    {
        using var cad = factory.CreateCadClient();
        await factory.Services.GetRequiredService<DatabaseChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(20));
        var sumner302 = await BuildingAsync("302 SUMNER ST");
        var incident = await IncidentAsync();
        using var resynchronized = new Subscription(factory);

        await factory.Cluster.StopAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var down = await cad.GetAsync("/api/buildings/search?q=100+Meridian+St");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.NotNull(down.Headers.RetryAfter);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"A request waited {clock.Elapsed.TotalSeconds:F1} s for a database that is down.");
            // Long enough for the listener and the tile seeder to fail and back off several times.
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        finally
        {
            await factory.Cluster.StartAsync();
            factory.Database.DataSource.Clear();
        }

        Assert.Equal(HttpStatusCode.OK, (await cad.GetAsync("/api/buildings/search?q=100+Meridian+St")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cad.GetAsync($"/api/buildings/{sumner302}?incident={incident}")).StatusCode);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE building_id = {sumner302} AND incident_id = {incident}"));
        await resynchronized.Resynchronized.WaitAsync(Within);
        Assert.False(factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "A background loop stopped the host.");
    }

    private Task<long> IncidentAsync() => factory.Database.ScalarAsync<long>(
        "INSERT INTO incident (address_text, incident_type, opened_by) VALUES ('302 SUMNER ST', 'fire', 'test') RETURNING incident_id");

    private Task<long> BuildingAsync(string addressKey) =>
        factory.Database.ScalarAsync<long>($"SELECT building_id FROM building WHERE address_key = '{addressKey}'");

    private static async Task<List<long>> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/buildings/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidates = await response.Content.ReadFromJsonAsync<JsonElement>();
        return candidates.EnumerateArray().Select(c => c.GetProperty("buildingId").GetInt64()).ToList();
    }

    /// <summary>What the change listener tells the consoles, from now on.</summary>
    private sealed class Subscription : IDisposable
    {
        private readonly LiveUpdates _live;
        private readonly TaskCompletionSource _resynchronized = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(long Building, TaskCompletionSource<BuildingsChanged> Heard)> _waiting = [];

        public Subscription(PrivateClusterWebFactory factory)
        {
            _live = factory.Services.GetRequiredService<LiveUpdates>();
            _live.Resynchronize += OnResynchronize;
            _live.BuildingsChanged += OnChanged;
        }

        public Task Resynchronized => _resynchronized.Task;

        public Task<BuildingsChanged> Changed(long building)
        {
            var heard = new TaskCompletionSource<BuildingsChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiting)
            {
                _waiting.Add((building, heard));
            }

            return heard.Task;
        }

        private Task OnResynchronize()
        {
            _resynchronized.TrySetResult();
            return Task.CompletedTask;
        }

        private Task OnChanged(BuildingsChanged change)
        {
            lock (_waiting)
            {
                foreach (var (building, heard) in _waiting.Where(w => change.Includes(w.Building)))
                {
                    heard.TrySetResult(change);
                }
            }

            return Task.CompletedTask;
        }

        public void Dispose()
        {
            _live.Resynchronize -= OnResynchronize;
            _live.BuildingsChanged -= OnChanged;
        }
    }
}
