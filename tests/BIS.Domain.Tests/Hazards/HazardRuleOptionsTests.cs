using System.ComponentModel.DataAnnotations;
using BIS.Domain.Hazards;

namespace BIS.Domain.Tests.Hazards;

public class HazardRuleOptionsTests
{
    private static List<ValidationResult> Validate(HazardRuleOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_are_valid_and_documented_values()
    {
        var options = new HazardRuleOptions();
        Assert.Empty(Validate(options));
        Assert.Equal("HazardRules", HazardRuleOptions.SectionName);
        Assert.Equal((7, 1940, 5, 150.0, 20.0), (options.HighRiseFloors, options.OldWoodFrameBeforeYear, options.PriorFireLookbackYears, options.HydrantMaxDistanceMeters, options.BatteryStorageKwhThreshold));
    }

    [Theory]
    [InlineData(nameof(HazardRuleOptions.HighRiseFloors))]
    [InlineData(nameof(HazardRuleOptions.PriorFireLookbackYears))]
    [InlineData(nameof(HazardRuleOptions.HydrantMaxDistanceMeters))]
    [InlineData(nameof(HazardRuleOptions.BatteryStorageKwhThreshold))]
    public void Out_of_range_values_name_the_setting(string property)
    {
        var options = new HazardRuleOptions();
        var info = typeof(HazardRuleOptions).GetProperty(property)!;
        info.SetValue(options, Convert.ChangeType(-1, info.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(Validate(options), r => r.MemberNames.Contains(property));
    }

    [Fact]
    public void Blank_keyword_is_refused_because_it_would_match_everything() =>
        Assert.Contains(Validate(new HazardRuleOptions { UnsafeViolationKeywords = ["unsafe", " "] }),
            r => r.MemberNames.Contains(nameof(HazardRuleOptions.UnsafeViolationKeywords)));

    [Fact]
    public void Equipment_rows_are_validated()
    {
        var options = new HazardRuleOptions { Equipment = [new EquipmentRuleOptions { Code = "", Name = "Nothing" }] };
        var results = Validate(options);
        Assert.Contains(results, r => r.ErrorMessage!.StartsWith("Equipment[0]:", StringComparison.Ordinal) && r.ErrorMessage.Contains("Code"));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("WhenFlagKinds"));
    }
}
