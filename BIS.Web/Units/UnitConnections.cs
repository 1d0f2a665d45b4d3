using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace BIS.Web.Units;

/// <summary>
/// The unit hub's live connections on this node: per unit (a message is pushed, and marked sent, only by a
/// node that holds a connection of that unit) and per device (a revocation aborts that device's connections).
/// </summary>
public sealed class UnitConnections
{
    private readonly ConcurrentDictionary<string, Connection> _byId = new(StringComparer.Ordinal);

    /// <summary>Live connections per unit: the push listener asks for every message it hears, so it must not scan them all.</summary>
    private readonly ConcurrentDictionary<string, int> _perUnit = new(StringComparer.Ordinal);

    public void Add(HubCallerContext context, string unitId, long? deviceId)
    {
        if (_byId.TryAdd(context.ConnectionId, new Connection(context, unitId, deviceId)))
        {
            _perUnit.AddOrUpdate(unitId, 1, (_, count) => count + 1);
        }
    }

    public void Remove(string connectionId)
    {
        if (_byId.TryRemove(connectionId, out var connection))
        {
            Forget(connection.UnitId);
        }
    }

    public bool HasUnit(string unitId) => _perUnit.TryGetValue(unitId, out var count) && count > 0;

    public IReadOnlySet<string> Units => _byId.Values.Select(c => c.UnitId).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<long> Devices => _byId.Values.Where(c => c.DeviceId is not null).Select(c => c.DeviceId!.Value).ToHashSet();

    public int Count => _byId.Count;

    /// <summary>Closes every connection of the device on this node; returns how many.</summary>
    public int AbortDevice(long deviceId)
    {
        var aborted = 0;
        foreach (var connection in _byId.Values.Where(c => c.DeviceId == deviceId))
        {
            connection.Context.Abort();
            Remove(connection.Context.ConnectionId);
            aborted++;
        }

        return aborted;
    }

    private void Forget(string unitId)
    {
        var count = _perUnit.AddOrUpdate(unitId, 0, (_, count) => count - 1);
        if (count <= 0)
        {
            // Only while still at zero: a connection of the unit may have been added in between.
            _perUnit.TryRemove(new KeyValuePair<string, int>(unitId, count));
        }
    }

    private sealed record Connection(HubCallerContext Context, string UnitId, long? DeviceId);
}
