extern alias bench;
using bench::BIS.Benchmarks.Push;
using BIS.Web.Tests.Units;

namespace BIS.Web.Tests.Dispatch;

/// <summary>
/// The push benchmark's harness (tests/BIS.Benchmarks/Push), small: 20 real SignalR tablets with their own device
/// tokens against BIS.Web on Kestrel, CAD over the HTTP API, then the whole fleet dropped and reconnected. Nothing
/// lost, nothing applied twice; no timing is asserted.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DeliveryHarnessSmokeTests(UnitPushServer server) : IClassFixture<UnitPushServer>
{
    [Fact]
    public async Task Twenty_tablets_get_every_message_once_live_and_after_all_reconnect_at_once()
    {
        var fleet = await PushFleet.PairAsync(server.Database.ConnectionString, 20, CancellationToken.None);
        var settings = new PushSettings(Seconds: 4, IncidentsPerSecond: 2, CloseAfter: TimeSpan.FromSeconds(2), StormIncidents: 5,
            SettleTimeout: TimeSpan.FromSeconds(90), WarmUpFor: TimeSpan.FromSeconds(2));
        var load = new PushLoad(new Uri(server.BaseAddress), BisWebFactory.CadKey, server.Database.ConnectionString, settings);

        var result = await load.RunAsync(fleet, CancellationToken.None);

        Assert.True(result.CadFailures == 0, result.FirstCadFailure);
        Assert.True(result.Assigned.Count >= 3, $"only {result.Assigned.Count} assignments were applied");
        Assert.True(result.Live.Messages > 0 && result.Storm.Messages > 0, $"live {result.Live.Messages}, storm {result.Storm.Messages} messages");
        Assert.True(result.Live.CaughtUp && result.Storm.CaughtUp, $"live caught up {result.Live.CaughtUp}, storm {result.Storm.CaughtUp}");
        Assert.Equal((0, 0), (result.Live.Lost, result.Live.AppliedTwice));
        Assert.Equal((0, 0), (result.Storm.Lost, result.Storm.AppliedTwice));
    }
}
