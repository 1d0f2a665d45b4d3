using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BIS.Web.Metrics;

/// <summary>
/// The management listener: a second, minimal Kestrel server of its own, on <see cref="MetricsOptions.Port"/> (loopback
/// by default), that serves only the Prometheus scrape — and only with the bearer token when one is set. A separate
/// server rather than a second endpoint of the app's: an endpoint configured in code replaces the app's configured
/// URLs, and a path filtered by port inside the public pipeline would sit behind (and depend on) everything the
/// public pipeline does; here nothing of the app (sign-in, pages, hubs) is reachable on this port, and the public
/// port has no scrape path at all.
/// </summary>
public sealed partial class MetricsScrapeListener(
    MeterProvider meterProvider, IOptions<MetricsOptions> options, ILoggerFactory loggerFactory, ILogger<MetricsScrapeListener> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    /// <summary>Where Prometheus scrapes (http://127.0.0.1:9464/metrics); null until started.</summary>
    public Uri? ScrapeAddress { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // An empty builder: none of the app's configuration (its URLs, its Kestrel endpoints) nor its services.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.BindAddress, settings.Port, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });
        var server = builder.Build();
        var token = new ScrapeToken(settings.ScrapeToken);
        server.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider,
            predicate: null,
            path: MetricsOptions.ScrapePath,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (!token.Admits(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer realm=\"bis-metrics\"";
                    return;
                }

                await next(context);
            }),
            optionsName: null);
        server.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        await server.StartAsync(cancellationToken);
        _server = server;
        ScrapeAddress = new Uri(new Uri(server.Urls.First()), MetricsOptions.ScrapePath);
        LogListening(ScrapeAddress, token.IsRequired);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics for Prometheus at {Address} (bearer token required: {TokenRequired})")]
    private partial void LogListening(Uri address, bool tokenRequired);
}
