using System.Text.Json;

namespace BIS.Web.Units;

/// <summary>The message kinds of the unit outbox (docs/unit-protocol.md).</summary>
public static class UnitMessageKinds
{
    public const string Assigned = "assigned";
    public const string Changed = "changed";
    public const string Unassigned = "unassigned";
    public const string Closed = "closed";
}

/// <summary>One outbox row as the hub sends it: the body goes out as stored (it was serialized like the HTTP API's JSON).</summary>
public sealed record UnitMessage(string UnitId, long Seq, string Kind, long? IncidentId, DateTimeOffset CreatedAt, JsonElement Body);

/// <summary>The incident part of every message body.</summary>
public sealed record UnitIncident(long IncidentId, string Type, string Notes, string Address, DateTimeOffset OpenedAt, string Status, IReadOnlyList<string> Units);

/// <summary>Unit statuses (NENA EIDO vocabulary): the tablet sets the last three, assignment sets dispatched.</summary>
public static class UnitStatuses
{
    public const string Available = "available";
    public const string Dispatched = "dispatched";
    public const string Enroute = "enroute";
    public const string Onscene = "onscene";

    public static readonly IReadOnlySet<string> SetByCrew = new HashSet<string>([Enroute, Onscene, Available], StringComparer.Ordinal);
}
