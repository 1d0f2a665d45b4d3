using BIS.Domain.Sources;

namespace BIS.Domain.Hazards;

/// <summary>A source record together with what is needed to cite it on a flag.</summary>
public sealed record SourceFact<T>(T Record, string SourceRecordId, string SourceName, DateTimeOffset? AsOf);

/// <summary>A hydrant near the building with its straight-line distance.</summary>
public sealed record NearbyHydrant(HydrantRecord Hydrant, double DistanceMeters, string SourceName, DateTimeOffset? AsOf);

/// <summary>
/// Says the hydrant layer was searched around this (located) building, so an empty hydrant list
/// means "no hydrant within the radius" rather than "not looked for". Cited by the flag it raises.
/// </summary>
/// <param name="LayerVersion">Which load of the layer was searched, e.g. "hydrants run 16".</param>
public sealed record HydrantLayerSearch(string SourceName, string LayerVersion, DateTimeOffset? AsOf);

/// <summary>Everything known about one building, gathered from all feeds, as input to the hazard rules.</summary>
public sealed record BuildingFacts
{
    public required long BuildingId { get; init; }
    public SourceFact<ParcelRecord>? Parcel { get; init; }
    public IReadOnlyList<SourceFact<PermitRecord>> Permits { get; init; } = [];
    public IReadOnlyList<SourceFact<ViolationRecord>> Violations { get; init; } = [];
    public IReadOnlyList<SourceFact<HazmatPermitRecord>> HazmatPermits { get; init; } = [];
    public IReadOnlyList<SourceFact<FireIncidentRecord>> FireIncidents { get; init; } = [];
    public IReadOnlyList<SourceFact<InspectionRecord>> Inspections { get; init; } = [];
    /// <summary>Hydrants within the search radius, nearest first, in or out of service.</summary>
    public IReadOnlyList<NearbyHydrant> Hydrants { get; init; } = [];
    /// <summary>Set when the hydrant layer is loaded and the building has a location; null otherwise.</summary>
    public HydrantLayerSearch? HydrantSearch { get; init; }
    /// <summary>Reference time for "recent"/"active" decisions; passed in so rules stay deterministic.</summary>
    public required DateTimeOffset Now { get; init; }
}
