using System.ComponentModel.DataAnnotations;
using BIS.Domain.Hazards.Erg;
using BIS.Domain.Hazards.Rules;

namespace BIS.Domain.Hazards;

/// <summary>
/// Turns everything known about a building into its hazard card: ranked flags and what to send.
/// Stateless after construction and deterministic (the reference time comes in with the facts), so
/// one instance serves every caller and thread.
/// </summary>
public sealed class HazardRules
{
    private readonly IReadOnlyList<IHazardRule> _rules;
    private readonly EquipmentRecommender _recommender;

    /// <exception cref="ValidationException">The options break one of their own validation rules.</exception>
    public HazardRules(HazardRuleOptions options, ErgGuideIndex erg)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(erg);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        _rules =
        [
            new HazmatRule(options, erg),
            new UnsafeStructureRule(options),
            new VacantBuildingRule(options),
            new FireSafetyViolationRule(options),
            new BuildingPermitRule(options),
            new BuildingStructureRule(options),
            new RoofAndEnergyRule(options),
            new FireProtectionRule(),
            new PriorFireRule(options),
            new HydrantRule(options),
        ];
        _recommender = new EquipmentRecommender([.. options.Equipment ?? HazardRuleDefaults.Equipment]);
    }

    public HazardAssessment Assess(BuildingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);

        var ranked = _rules
            .SelectMany(rule => rule.Evaluate(facts))
            .DistinctBy(raised => raised.Flag)
            .OrderBy(raised => raised.Flag, HazardFlagComparer.Instance)
            .ToArray();

        return new HazardAssessment
        {
            MaxSeverity = ranked.Length == 0 ? Severity.None : ranked.Max(r => r.Flag.Severity),
            Flags = ranked.Select(r => r.Flag).ToArray(),
            Recommendations = _recommender.Recommend(ranked),
        };
    }
}
