using System.Security.Claims;
using Npgsql;

namespace BIS.Web.Security;

/// <summary>Writes who looked at which building's hazards, when, and from which incident.</summary>
public sealed class HazardAudit(NpgsqlDataSource dataSource)
{
    public async Task RecordViewAsync(ClaimsPrincipal user, long buildingId, long? incidentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO audit_log (actor, actor_role, action, building_id, incident_id)
            VALUES (@actor, @role, 'view-hazards', @building, @incident)
            """);
        command.Parameters.AddWithValue("actor", user.Identity?.Name ?? "unknown");
        command.Parameters.AddWithValue("role", string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value)));
        command.Parameters.AddWithValue("building", buildingId);
        command.Parameters.AddWithValue("incident", (object?)incidentId ?? DBNull.Value);
        // The view must not be served if it cannot be audited: no CancellationToken.None shortcut here.
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
