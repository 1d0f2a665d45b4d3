namespace BIS.Web.Resilience;

public static class ResilienceServiceCollectionExtensions
{
    /// <summary>How the web node rides out a database restart; see README "Resilience".</summary>
    public static IServiceCollection AddBisResilience(this IServiceCollection services)
    {
        services.Configure<HostOptions>(options =>
        {
            // Set on purpose, not left to the default. Every background loop (change listener, tile seeder)
            // catches everything but cancellation, logs it, backs off and goes on, so none ends on a
            // database restart or a bad notice. An exception that still escaped one would be a bug that
            // leaves this node without live updates (consoles showing cards nobody refreshes): stopping
            // the host makes that loud, and its supervisor or load balancer replaces the node, rather
            // than it serving stale hazards in silence (Ignore).
            options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return services;
    }
}
