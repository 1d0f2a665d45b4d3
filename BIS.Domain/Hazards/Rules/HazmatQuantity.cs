namespace BIS.Domain.Hazards.Rules;

/// <summary>A permit quantity converted to the units the thresholds are set in.</summary>
internal readonly record struct HazmatQuantity(decimal? Gallons, decimal? Pounds, string? Text)
{
    private const decimal LitresPerGallon = 3.785411784m;
    private const decimal PoundsPerKilogram = 2.20462262m;

    public bool IsLiquid => Gallons is not null;

    public static HazmatQuantity From(decimal? quantity, string? unit)
    {
        if (quantity is not { } amount || amount <= 0)
        {
            return default;
        }

        var cleanUnit = unit?.Trim();
        var text = string.IsNullOrEmpty(cleanUnit) ? RuleText.Number(amount) : $"{RuleText.Number(amount)} {cleanUnit}";
        return (cleanUnit?.ToLowerInvariant().TrimEnd('.')) switch
        {
            "gal" or "gals" or "gallon" or "gallons" or "us gal" => new(amount, null, text),
            "l" or "liter" or "liters" or "litre" or "litres" or "ltr" => new(amount / LitresPerGallon, null, text),
            "lb" or "lbs" or "pound" or "pounds" or "#" => new(null, amount, text),
            "kg" or "kgs" or "kilogram" or "kilograms" => new(null, amount * PoundsPerKilogram, text),
            "ton" or "tons" => new(null, amount * 2000m, text),
            _ => new(null, null, text),
        };
    }

    public bool IsLarge(HazardRuleOptions options) =>
        Gallons >= (decimal)options.HazmatLargeQuantityGallons || Pounds >= (decimal)options.HazmatLargeQuantityPounds;
}
