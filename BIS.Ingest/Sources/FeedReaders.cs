using BIS.Domain.Geo;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Assessing;
using BIS.Ingest.Sources.BuildingPermits;
using BIS.Ingest.Sources.Common;
using BIS.Ingest.Sources.FireIncidents;
using BIS.Ingest.Sources.HazmatPermits;
using BIS.Ingest.Sources.Hydrants;
using BIS.Ingest.Sources.Inspections;
using BIS.Ingest.Sources.Violations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Sources;

public static class FeedReaders
{
    /// <summary>
    /// Registers the seven source readers as <see cref="IFeedReader"/> (pick one by <see cref="IFeedReader.Feed"/>),
    /// the <see cref="CoordinateCleaner"/> for the configured service area, the <see cref="FieldBounds"/> for the
    /// configured text length, and the system clock unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    public static IServiceCollection AddFeedReaders(this IServiceCollection services)
    {
        services.AddOptions<ServiceAreaOptions>()
            .BindConfiguration(ServiceAreaOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<FieldBoundsOptions>()
            .BindConfiguration(FieldBoundsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CoordinateCleaner(sp.GetRequiredService<IOptions<ServiceAreaOptions>>().Value.ToServiceArea()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FieldBoundsOptions>>().Value.ToFieldBounds());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedReader, AssessingReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedReader, BuildingPermitsReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedReader, ViolationsReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedReader, HazmatPermitsReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedReader, FireIncidentsReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedReader, HydrantsReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedReader, InspectionsReader>());
        return services;
    }
}
