using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Units;

/// <summary>The push figures on the BIS meter (scraped with the rest): messages pushed, their wait in the outbox, receipts, connections.</summary>
public sealed class PushMetricsTests(UnitPushServer server) : IClassFixture<UnitPushServer>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_assignment_pushed_and_acknowledged_is_counted_with_its_wait_in_the_outbox()
    {
        var seen = new ConcurrentDictionary<string, double>();
        var connections = new ConcurrentBag<int>();
        var meters = server.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            // Only this host's meters: other test hosts in the process publish the same instrument names.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name.StartsWith("bis.push.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.AddOrUpdate($"{instrument.Name}/{KindOf(tags)}", value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            seen.AddOrUpdate($"{instrument.Name}/{KindOf(tags)}", 1, (_, count) => count + 1));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => connections.Add(value));
        listener.Start();

        var e5 = await server.PairAsync("E5");
        await using var tablet = new TabletClient(UnitPushServer.HubWithToken(server.BaseAddress, e5.Token));
        await tablet.StartAsync();
        var before = tablet.LastApplied;
        var incident = await server.Book.OpenAsync(await server.BuildingAsync("302 SUMNER ST"), "Structure fire", "", UnitPushServer.Dispatcher, CancellationToken.None);
        await server.Book.AssignAsync(incident.IncidentId, ["E5"], UnitPushServer.Dispatcher, CancellationToken.None);
        await Eventually.HoldsAsync(() => tablet.LastApplied == before + 1, Within, "E5 never got its assignment");
        await tablet.Connection.InvokeAsync("Acknowledge", tablet.LastApplied);

        await Eventually.HoldsAsync(() => seen.ContainsKey("bis.push.messages/assigned"), Within, "the push was not counted");
        // At least once: a push repeated by a node's catch-up is allowed (the tablet drops it by its number).
        Assert.True(seen["bis.push.messages/assigned"] >= 1 && seen.GetValueOrDefault("bis.push.outbox_wait/assigned") >= 1, "no wait recorded");
        Assert.True(seen.GetValueOrDefault("bis.push.receipts/acknowledged") >= 1, "the acknowledgement was not counted");
        listener.RecordObservableInstruments();
        Assert.Contains(connections, count => count >= 1);
    }

    private static string? KindOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "kind")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
