using BIS.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace BIS.Web.Units;

public static class UnitsExtensions
{
    /// <summary>
    /// Push to the rigs: the per-unit outbox, paired tablets and their token scheme, the unit hub and the
    /// listener that carries outbox messages to it on this node (Push options, validated on start).
    /// </summary>
    public static IServiceCollection AddUnitPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section))
            .Validate(o => o.IsValid, "Push: AckWarningSeconds 1-3600, PairingCodeMinutes 1-60, PairingAttemptsPerMinute 1-1000.")
            .ValidateOnStart();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<UnitOutbox>();
        services.AddSingleton<UnitMessages>();
        services.AddSingleton<DispatchBoardNotice>();
        services.AddHostedService(sp => sp.GetRequiredService<DispatchBoardNotice>());
        services.AddSingleton<UnitDeliveries>();
        services.AddSingleton<UnitConnections>();
        services.AddSingleton<PushMetrics>();
        services.AddSingleton<UnitPushListener>();
        services.AddHostedService(sp => sp.GetRequiredService<UnitPushListener>());
        services.AddSingleton<UnitSummaryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UnitSummaryWriter>());
        services.AddSignalR();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, UnitDeviceAuthentication>(UnitDeviceAuthentication.SchemeName, null);
        // The default scheme picks cookie or API key; a request carrying a device token goes to the device scheme.
        services.PostConfigureAll<PolicySchemeOptions>(options =>
        {
            var inner = options.ForwardDefaultSelector;
            options.ForwardDefaultSelector = context =>
                UnitDeviceAuthentication.Carries(context.Request) ? UnitDeviceAuthentication.SchemeName : inner?.Invoke(context);
        });
        services.AddAuthorizationBuilder().AddPolicy(DeviceEndpoints.UnitPolicy, policy =>
            policy.RequireRole(BisRoles.Firefighter).RequireClaim(BisRoles.UnitClaim));
        services.AddRateLimiter(options => options.AddPolicy<string, PairingRateLimit>(PairingRateLimit.Name));
        return services;
    }

    /// <summary>The unit hub behind its gate, and the device endpoints.</summary>
    public static WebApplication MapUnitPush(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(UnitHub.Path), branch => branch.UseMiddleware<UnitHubGate>());
        // Anonymous to the authorization middleware only: the gate above decides, answering 401/403 instead of a sign-in redirect.
        app.MapHub<UnitHub>(UnitHub.Path).AllowAnonymous();
        app.MapDeviceEndpoints();
        return app;
    }
}
