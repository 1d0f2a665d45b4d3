using BIS.Ingest.Pipeline;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BIS.Web.Metrics;

public static class MetricsExtensions
{
    /// <summary>
    /// OpenTelemetry metrics: the <c>BIS</c> meter (feed rows and run durations from the runner, data age, SLA and open
    /// alarms from the database, lookup latency), Quartz's and Npgsql's own meters and ASP.NET Core's, exported for
    /// Prometheus on the management listener (<see cref="MetricsScrapeListener"/>), never on the public port.
    /// </summary>
    public static IServiceCollection AddBisMetricsAndScrapeListener(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .Bind(configuration.GetSection(MetricsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddSingleton<LookupLatency>();
        services.AddSingleton<FeedGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedGauges>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(RunMetrics.MeterName, "Quartz", "Npgsql", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            // The push figures are on the BIS meter too, recorded in the push capability's folder (Units/PushMetrics).
            .AddPrometheusExporter());
        services.AddSingleton<MetricsScrapeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricsScrapeListener>());
        return services;
    }

    /// <summary>Says what is wrong in words (the delegate form can only give one fixed message).</summary>
    private sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
    {
        public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
