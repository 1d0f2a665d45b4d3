using System.Security.Claims;
using BIS.Web.Security;
using BIS.Web.Security.Audit;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace BIS.Web.Units;

/// <summary>
/// The hub of the apparatus tablets (docs/unit-protocol.md). A connection speaks for exactly one unit (its
/// device token's, or the signed-in firefighter's) and joins only that unit's group; who may connect is
/// decided before the hub by <see cref="UnitHubGate"/>. SignalR only carries messages: what a unit is sent
/// is in its outbox, and a connecting tablet asks for what it missed with <see cref="Resume"/>.
/// </summary>
public sealed class UnitHub(
    UnitMessages messages, UnitConnections connections, UnitOutbox outbox, NpgsqlDataSource dataSource,
    DispatchBoardNotice dispatchBoard, PushMetrics metrics, AccessAudit audit, HazardAudit hazardAudit, ILogger<UnitHub> logger) : Hub
{
    public const string Path = "/hubs/units";

    public static string GroupOf(string unitId) => "unit:" + unitId;

    public override async Task OnConnectedAsync()
    {
        if (UnitOf(Context.User) is not { } unit)
        {
            // The gate refuses these before the hub; if it were ever bypassed, the connection still gets nothing.
            Context.Abort();
            return;
        }

        connections.Add(Context, unit, UnitDeviceAuthentication.DeviceIdOf(Context.User!));
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(unit));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The unit's messages after <paramref name="afterSeq"/>, in order, at most <see cref="UnitMessages.Page"/>.</summary>
    public Task<IReadOnlyList<UnitMessage>> Resume(long afterSeq)
    {
        if (afterSeq < 0)
        {
            throw new HubException("afterSeq must be 0 (nothing applied yet) or the last sequence number applied.");
        }

        return messages.AfterAsync(Unit, afterSeq, Context.ConnectionAborted);
    }

    /// <summary>The tablet stored every message up to <paramref name="seq"/>.</summary>
    public async Task Received(long seq)
    {
        if (await messages.MarkAsync(Unit, CheckSeq(seq), shown: false, Context.ConnectionAborted) > 0)
        {
            metrics.Marked(shown: false);
            dispatchBoard.Request();
        }
    }

    /// <summary>The crew saw every message up to <paramref name="seq"/>.</summary>
    public async Task Acknowledge(long seq)
    {
        if (await messages.MarkAsync(Unit, CheckSeq(seq), shown: true, Context.ConnectionAborted) > 0)
        {
            metrics.Marked(shown: true);
            dispatchBoard.Request();
        }
    }

    /// <summary>En route, on scene or available, as the crew says; returns what is stored.</summary>
    public async Task<string> SetStatus(string status)
    {
        if (status is null || !UnitStatuses.SetByCrew.Contains(status))
        {
            throw new HubException($"Status must be one of: {string.Join(", ", UnitStatuses.SetByCrew)}.");
        }

        await using var command = dataSource.CreateCommand("UPDATE unit SET status = @status, status_at = now() WHERE unit_id = @unit RETURNING status");
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("unit", Unit);
        var stored = await command.ExecuteScalarAsync(Context.ConnectionAborted) as string ?? throw new HubException("This unit is no longer on the roster.");
        dispatchBoard.Request();
        return stored;
    }

    /// <summary>The current body (incident and building summary) of an incident this unit is on; anything else is refused and audited.</summary>
    public async Task<object> Summary(long incidentId)
    {
        await using var connection = await dataSource.OpenConnectionAsync(Context.ConnectionAborted);
        await using (var check = new NpgsqlCommand("SELECT EXISTS (SELECT FROM incident_unit WHERE incident_id = @incident AND unit_id = @unit)", connection))
        {
            check.Parameters.AddWithValue("incident", incidentId);
            check.Parameters.AddWithValue("unit", Unit);
            if (await check.ExecuteScalarAsync(Context.ConnectionAborted) is not true)
            {
                await RefuseAsync($"hub Summary of incident {incidentId}");
                throw new HubException($"Unit {Unit} is not on incident {incidentId}.");
            }
        }

        var incident = await UnitOutbox.IncidentAsync(connection, incidentId, Context.ConnectionAborted);
        var summary = await outbox.SummaryAsync(connection, incident.BuildingId, Context.ConnectionAborted);
        if (incident.BuildingId is { } building)
        {
            await hazardAudit.RecordViewAsync(Context.User!, Origin, building, incidentId, Context.ConnectionAborted);
        }

        return new { incident = incident.View, summary };
    }

    public static string? UnitOf(ClaimsPrincipal? user) =>
        user is not null && user.IsInRole(BisRoles.Firefighter) && user.FindFirst(BisRoles.UnitClaim)?.Value is { Length: > 0 } unit ? unit : null;

    private string Unit => UnitOf(Context.User) ?? throw new HubException("This connection is not bound to a unit.");

    private ClientOrigin Origin => Context.GetHttpContext() is { } http ? ClientOrigin.Of(http) : ClientOrigin.Unknown;

    private static long CheckSeq(long seq) => seq >= 1 ? seq : throw new HubException("seq must be a message's sequence number (1 or more).");

    private async Task RefuseAsync(string what)
    {
        logger.LogWarning("Unit hub refused {What} to {User}", what, Context.User?.Identity?.Name);
        await audit.RecordAsync(AccessActions.Forbidden, Context.User!, Origin, what, Context.ConnectionAborted);
    }
}
