using System.ComponentModel.DataAnnotations;
using BIS.Domain.Geo;

namespace BIS.Ingest.Sources;

/// <summary>The box outside which feed coordinates are treated as geocoder misses (configuration section "ServiceArea").</summary>
public sealed class ServiceAreaOptions : IValidatableObject
{
    public const string Section = "ServiceArea";

    public double MinLatitude { get; set; } = ServiceArea.Boston.MinLatitude;
    public double MaxLatitude { get; set; } = ServiceArea.Boston.MaxLatitude;
    public double MinLongitude { get; set; } = ServiceArea.Boston.MinLongitude;
    public double MaxLongitude { get; set; } = ServiceArea.Boston.MaxLongitude;

    public ServiceArea ToServiceArea() => new(MinLatitude, MaxLatitude, MinLongitude, MaxLongitude);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ToServiceArea().Problem() is { } problem)
        {
            yield return new ValidationResult($"{Section}: {problem}");
        }
    }
}
