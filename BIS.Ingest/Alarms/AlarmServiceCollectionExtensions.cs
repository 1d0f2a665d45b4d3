using BIS.Ingest.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Alarms;

public static class AlarmServiceCollectionExtensions
{
    /// <summary>
    /// Feed alarms: the evaluator (called by the scheduler's check job and after every feed run) and, where the
    /// scheduler runs, the webhook sender.
    /// </summary>
    public static IServiceCollection AddFeedAlarms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlarmOptions>().Bind(configuration.GetSection(AlarmOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlarmOptions>, AlarmOptionsValidator>();
        services.AddSingleton<AlarmDeliverySignal>();
        services.AddSingleton<AlarmEvaluator>();
        services.AddHttpClient(AlarmWebhookSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<AlarmWebhookSender>();
        var ingest = configuration.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new IngestOptions();
        if (ingest.RunScheduler)
        {
            services.AddHostedService(sp => sp.GetRequiredService<AlarmWebhookSender>());
        }

        return services;
    }
}
