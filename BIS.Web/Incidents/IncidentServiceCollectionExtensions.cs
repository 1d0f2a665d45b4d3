using BIS.Web.Live;

namespace BIS.Web.Incidents;

public static class IncidentServiceCollectionExtensions
{
    /// <summary>Incidents, the unit roster, and the listener that brings hazard and incident changes to open consoles.</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UnitsOptions>().Bind(configuration.GetSection(UnitsOptions.Section))
            .Validate(o => o.RosterFile is not { Length: > 0 } file || File.Exists(file), "Units:RosterFile names a file that does not exist.")
            .ValidateOnStart();
        services.AddSingleton<IncidentBook>();
        services.AddHostedService<UnitRoster>();
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<DatabaseChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseChangeListener>());
        return services;
    }
}
