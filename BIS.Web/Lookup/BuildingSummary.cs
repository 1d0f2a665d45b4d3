using System.Text.Json.Nodes;
using BIS.Domain.Hazards;
using BIS.Ingest.Freshness;

namespace BIS.Web.Lookup;

/// <summary>A hazard flag as served: the flag itself plus whether its feed is past its SLA right now.</summary>
public sealed record FlagView(HazardFlag Flag, bool Stale, double? AgeDays);

/// <summary>A fire incident recorded at the building (the fire-incidents feed).</summary>
public sealed record PriorIncidentView(string IncidentId, string? AlarmDate);

/// <summary>A code-enforcement violation still open at the building.</summary>
public sealed record OpenViolationView(string CaseNumber, string? Code, string? Description, DateTimeOffset? StatusDate);

public sealed record HydrantView(string HydrantId, bool InService, string? FlowClass, int? FlowGpm, double DistanceMeters, double Latitude, double Longitude);

/// <summary>Everything the index knows about one building, as the lookup API serves it.</summary>
public sealed record BuildingSummary
{
    public required long BuildingId { get; init; }
    public required string ParcelId { get; init; }
    public string? Address { get; init; }
    public string? Zip { get; init; }
    /// <summary>Every other address the building answers to (ranges, corner addresses).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public JsonNode? Parcel { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>GeoJSON geometry of the footprint (or null when none is known).</summary>
    public JsonNode? Footprint { get; init; }
    public required Severity MaxSeverity { get; init; }
    /// <summary>True when the index holds no flag: nothing is known, which is not the same as safe.</summary>
    public bool NothingKnown => Flags.Count == 0;
    public required IReadOnlyList<FlagView> Flags { get; init; }
    public required IReadOnlyList<EquipmentRecommendation> Recommendations { get; init; }
    public required IReadOnlyList<HydrantView> NearestHydrants { get; init; }
    public IReadOnlyList<PriorIncidentView> PriorIncidents { get; init; } = [];
    public IReadOnlyList<OpenViolationView> OpenViolations { get; init; } = [];
    public JsonNode? SourceAsOf { get; init; }
    public required IReadOnlyCollection<FeedFreshnessEntry> Feeds { get; init; }
    public DateTimeOffset? IndexedAt { get; init; }
}

public sealed record BuildingCandidate(long BuildingId, string? Address, string? Zip, Severity MaxSeverity, string MatchedBy, double Score);
