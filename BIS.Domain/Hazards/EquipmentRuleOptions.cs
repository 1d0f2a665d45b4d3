using System.ComponentModel.DataAnnotations;

namespace BIS.Domain.Hazards;

/// <summary>
/// One row of the equipment table: "when a flag of one of these kinds (with one of these traits, at
/// least this severe) is raised, recommend this". Several rows may share a code; their reasons merge.
/// </summary>
public sealed class EquipmentRuleOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Code { get; set; } = string.Empty;

    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Flag kinds (<see cref="HazardKinds"/>) that call for it.</summary>
    [MinLength(1)]
    public List<string> WhenFlagKinds { get; set; } = [];

    /// <summary>When not empty, the flag must also carry one of these traits (<see cref="HazardTraits"/>).</summary>
    public List<string> WhenTraits { get; set; } = [];

    /// <summary>Flags below this severity do not call for it.</summary>
    public Severity MinFlagSeverity { get; set; } = Severity.Info;

    /// <summary>Fixed priority; when null, the highest severity among the flags behind it.</summary>
    public Severity? Priority { get; set; }
}
