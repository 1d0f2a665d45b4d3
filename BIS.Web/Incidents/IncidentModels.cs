namespace BIS.Web.Incidents;

public sealed record Incident(
    long IncidentId, long? BuildingId, string Address, string Type, string Notes, string Status,
    DateTimeOffset OpenedAt, string OpenedBy, IReadOnlyList<string> Units);

public sealed record Unit(string UnitId, string Name, string Kind, string Station, IReadOnlyList<string> Capabilities, bool InService, long? AssignedTo);

/// <summary>The incident types the console offers; CAD may send the same codes.</summary>
public static class IncidentTypes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Structure fire", "Fire alarm activation", "Hazmat release", "Odor of gas", "Carbon monoxide",
        "Building collapse", "Rescue", "Medical", "Outside fire", "Other",
    ];
}

/// <summary>Input that cannot become an incident: said plainly, never a 500.</summary>
/// <param name="Field">The part of the request at fault, as a CAD request names it: "building", "units", "type", "notes".</param>
public sealed class IncidentRequestException(string message, string field = "incident") : Exception(message)
{
    public string Field { get; } = field;
}
