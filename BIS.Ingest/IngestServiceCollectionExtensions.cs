using BIS.Domain.Hazards;
using BIS.Ingest.Alarms;
using BIS.Ingest.Database;
using BIS.Ingest.Feeds;
using BIS.Ingest.HazardIndex;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Retention;
using BIS.Ingest.Scheduling;
using BIS.Ingest.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BIS.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>Everything that loads feeds into the hazard index: database, readers, pipeline, rules, retention, scheduler.</summary>
    public static IServiceCollection AddBisIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBisDatabase(configuration);
        services.TryAddTimeProvider();

        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FeedsOptions>().Bind(configuration.GetSection(FeedsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedsOptions>, FeedsOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<FeedsOptions>, FeedsBaseDirectory>();
        services.AddOptions<HazardRuleOptions>().Bind(configuration.GetSection(HazardRuleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(InputFetcher.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(10))
            .AddStandardResilienceHandler(options =>
            {
                // Feed downloads can be large and slow; the per-try budget must allow for that.
                options.AttemptTimeout.Timeout = TimeSpan.FromMinutes(5);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(10);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(11);
            });

        services.AddFeedReaders();
        services.AddSingleton(_ => ErgReference.Load());
        services.AddSingleton(sp => new HazardRules(sp.GetRequiredService<IOptions<HazardRuleOptions>>().Value, sp.GetRequiredService<BIS.Domain.Hazards.Erg.ErgGuideIndex>()));
        services.AddSingleton<HazardIndexBuilder>();
        services.AddSingleton<HazardIndexRefresh>();
        services.AddSingleton<InputFetcher>();
        services.AddSingleton<FeedLedger>();
        services.AddMetrics();
        services.AddSingleton<RunMetrics>();
        services.AddSingleton<FeedRunner>();
        services.AddSingleton<BIS.Ingest.Freshness.FeedFreshness>();
        services.AddFeedAlarms(configuration);
        services.AddRetention(configuration);
        // Before the scheduler, so no run of this process can have started a directory yet.
        services.AddHostedService<LeftoverInputsCleanup>();
        // Registered before the scheduler so the clustered job store finds its tables.
        services.AddHostedService<MigrateOnStartup>();
        services.AddFeedScheduling(configuration);
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Relative feed locations are resolved against the host's content root, not the working directory.</summary>
    private sealed class FeedsBaseDirectory(IHostEnvironment environment) : IPostConfigureOptions<FeedsOptions>
    {
        public void PostConfigure(string? name, FeedsOptions options)
        {
            var baseDirectory = options.BaseDirectory ?? ".";
            options.BaseDirectory = Path.GetFullPath(Path.IsPathRooted(baseDirectory) ? baseDirectory : Path.Combine(environment.ContentRootPath, baseDirectory));
        }
    }
}
