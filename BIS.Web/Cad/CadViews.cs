using BIS.Domain.Hazards;
using BIS.Web.Incidents;
using BIS.Web.Lookup;

namespace BIS.Web.Cad;

/// <summary>The building an incident was opened on, and how the request's location found it.</summary>
public sealed record ResolvedBuilding(long BuildingId, string? Address, string MatchedBy);

/// <summary>Answer of <c>POST /api/incidents</c> (201).</summary>
public sealed record CreatedIncident(Incident Incident, ResolvedBuilding Building);

/// <summary>A building an address or point could mean, in a 422 that refuses to guess.</summary>
public sealed record CandidateView(long BuildingId, string? Address, string? Zip, string MatchedBy, double Score, Severity MaxSeverity)
{
    public static CandidateView Of(BuildingCandidate c) => new(c.BuildingId, c.Address, c.Zip, c.MatchedBy, Math.Round(c.Score, 3), c.MaxSeverity);
}

/// <summary>Answer of <c>GET /api/incidents/{id}</c>: the incident, its building's hazard summary, its units.</summary>
public sealed record CadIncidentView(Incident Incident, BuildingSummary? Summary, IReadOnlyList<CadIncidentUnit> Units);
