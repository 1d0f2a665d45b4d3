using BIS.Domain.Feeds;

namespace BIS.Domain.Hazards.Rules;

/// <summary>
/// Water supply from the hydrants the index found near the building: no in-service hydrant within the
/// search radius or the nearest too far (high: plan tankers or a relay), the nearest one out of service
/// or low-flow (info). An empty list raises a flag only when the layer was searched around a located
/// building (<see cref="BuildingFacts.HydrantSearch"/>); otherwise it cannot tell "none" from "not looked for".
/// </summary>
internal sealed class HydrantRule(HazardRuleOptions options) : IHazardRule
{
    public IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts)
    {
        var hydrants = facts.Hydrants
            .Where(h => h.DistanceMeters <= options.HydrantSearchRadiusMeters)
            .OrderBy(h => h.DistanceMeters)
            .ThenBy(h => h.Hydrant.HydrantId, StringComparer.Ordinal)
            .ToList();
        if (hydrants.Count == 0)
        {
            if (facts.HydrantSearch is { } search)
            {
                yield return new HazardFlag
                {
                    Kind = HazardKinds.HydrantDistance,
                    Severity = Severity.High,
                    Title = $"No hydrant within {RuleText.Meters(options.HydrantSearchRadiusMeters)}",
                    Detail = RuleText.Sentences(
                        $"The hydrant layer ({search.LayerVersion}) has no hydrant within {RuleText.Meters(options.HydrantSearchRadiusMeters)} of the building",
                        "Plan water supply by tanker shuttle or relay"),
                    Feed = FeedKind.Hydrants,
                    SourceName = search.SourceName,
                    SourceRecordId = search.LayerVersion,
                    AsOf = search.AsOf,
                };
            }

            yield break;
        }

        var nearest = hydrants[0];
        var inService = hydrants.FirstOrDefault(h => h.Hydrant.InService);
        var radius = RuleText.Meters(options.HydrantSearchRadiusMeters);

        if (inService is null)
        {
            yield return Cite(
                nearest, HazardKinds.HydrantDistance, Severity.High,
                $"No in-service hydrant within {radius}",
                RuleText.Sentences(
                    $"{RuleText.Plural(hydrants.Count, "hydrant", "hydrants")} within {radius}, none in service; nearest {Describe(nearest)}",
                    "Plan water supply by tanker shuttle or relay"));
            yield break;
        }

        if (inService.DistanceMeters > options.HydrantMaxDistanceMeters)
        {
            yield return Cite(
                inService, HazardKinds.HydrantDistance, Severity.High,
                $"Nearest in-service hydrant {RuleText.Meters(inService.DistanceMeters)} away",
                RuleText.Sentences(
                    $"Nearest in-service hydrant: {Describe(inService)}; more than {RuleText.Meters(options.HydrantMaxDistanceMeters)}",
                    "Plan a long supply lay, relay or tankers"));
        }

        if (!nearest.Hydrant.InService)
        {
            yield return Cite(
                nearest, HazardKinds.HydrantOutOfService, Severity.Info,
                $"Nearest hydrant {nearest.Hydrant.HydrantId} out of service",
                RuleText.Sentences(
                    $"Nearest hydrant: {Describe(nearest)}",
                    $"Nearest in service: {Describe(inService)}"));
        }

        var flow = inService.Hydrant.FlowGpm;
        var lowFlow = flow is { } gpm
            ? gpm < options.HydrantLowFlowGpm
            : string.Equals(inService.Hydrant.FlowClass?.Trim(), "C", StringComparison.OrdinalIgnoreCase);
        if (lowFlow)
        {
            yield return Cite(
                inService, HazardKinds.HydrantLowFlow, Severity.Info,
                $"Nearest in-service hydrant low flow: {inService.Hydrant.HydrantId}",
                RuleText.Sentences(
                    $"Nearest in-service hydrant: {Describe(inService)}",
                    $"Below {options.HydrantLowFlowGpm} gpm: may not supply more than one engine"));
        }
    }

    private static string Describe(NearbyHydrant h)
    {
        var parts = new List<string> { $"{h.Hydrant.HydrantId} at {RuleText.Meters(h.DistanceMeters)}" };
        if (RuleText.Clip(h.Hydrant.Status) is { } status)
        {
            parts.Add($"status {status}");
        }

        if (RuleText.Clip(h.Hydrant.FlowClass) is { } flowClass)
        {
            parts.Add($"flow class {flowClass}");
        }

        if (h.Hydrant.FlowGpm is { } gpm)
        {
            parts.Add($"{gpm} gpm");
        }

        if (h.Hydrant.LastTested is { } tested)
        {
            parts.Add($"last tested {RuleText.Date(tested)}");
        }

        return string.Join(", ", parts);
    }

    private static HazardFlag Cite(NearbyHydrant h, string kind, Severity severity, string title, string detail) =>
        new()
        {
            Kind = kind,
            Severity = severity,
            Title = title,
            Detail = detail,
            Feed = FeedKind.Hydrants,
            SourceName = h.SourceName,
            SourceRecordId = h.Hydrant.HydrantId,
            AsOf = h.AsOf,
        };
}
