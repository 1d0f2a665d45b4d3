namespace BIS.Domain.Hazards.Rules;

/// <summary>One concern of the hazard rules: reads the building's facts and raises its flags.</summary>
internal interface IHazardRule
{
    IEnumerable<RaisedFlag> Evaluate(BuildingFacts facts);
}

/// <summary>A flag with the traits the equipment table may ask about (never shown to users).</summary>
internal sealed record RaisedFlag(HazardFlag Flag, IReadOnlySet<string> Traits)
{
    private static readonly IReadOnlySet<string> NoTraits = new HashSet<string>();

    public static implicit operator RaisedFlag(HazardFlag flag) => new(flag, NoTraits);
}
