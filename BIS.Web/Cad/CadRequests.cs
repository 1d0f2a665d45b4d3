namespace BIS.Web.Cad;

/// <summary>
/// <c>POST /api/incidents</c>: where (exactly one of <see cref="Address"/>, <see cref="Latitude"/> with
/// <see cref="Longitude"/>, or <see cref="BuildingId"/>), what, and which units to send.
/// </summary>
public sealed record CreateIncidentRequest(
    string? Address, double? Latitude, double? Longitude, long? BuildingId, string? Type, string? Notes, IReadOnlyList<string>? Units)
{
    /// <summary>What each field must be, for the message when a value has the wrong JSON type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Shapes = new Dictionary<string, string>
    {
        ["address"] = "a string (the address as the caller gave it)",
        ["latitude"] = "a number (WGS84 degrees)",
        ["longitude"] = "a number (WGS84 degrees)",
        ["buildingId"] = "an integer (a BIS building id)",
        ["type"] = "a string (an incident type)",
        ["notes"] = "a string",
        ["units"] = "an array of unit ids (strings)",
    };
}

/// <summary><c>POST /api/incidents/{id}/units</c> and <c>…/units/unassign</c>.</summary>
public sealed record UnitsRequest(IReadOnlyList<string>? Units)
{
    public static readonly IReadOnlyDictionary<string, string> Shapes = new Dictionary<string, string>
    {
        ["units"] = "an array of unit ids (strings)",
    };
}

/// <summary><c>POST /api/incidents/{id}/close</c>: the body may be empty or <c>{}</c>.</summary>
public sealed record CloseRequest
{
    public static readonly IReadOnlyDictionary<string, string> Shapes = new Dictionary<string, string>();
}
