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

    public void Add(HubCallerContext context, string unitId, long? deviceId) =>
        _byId[context.ConnectionId] = new Connection(context, unitId, deviceId);

    public void Remove(string connectionId) => _byId.TryRemove(connectionId, out _);

    public bool HasUnit(string unitId) => _byId.Values.Any(c => c.UnitId == unitId);

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
            _byId.TryRemove(connection.Context.ConnectionId, out _);
            aborted++;
        }

        return aborted;
    }

    private sealed record Connection(HubCallerContext Context, string UnitId, long? DeviceId);
}
