using BIS.Ingest.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Ingest.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The validated retention options and the pruner; the scheduler runs it nightly (<see cref="Scheduling.RetentionJob"/>).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(options => FeedsOptionsValidator.IsValidCron(options.Cron), $"{RetentionOptions.Section}:Cron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        services.AddSingleton<RetentionPruner>();
        return services;
    }
}
