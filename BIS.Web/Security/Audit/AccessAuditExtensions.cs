using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BIS.Web.Security.Audit;

public static class AccessAuditExtensions
{
    /// <summary>Audit rows for sign-ins, sign-outs and 403s, and the client origin of each console's card views.</summary>
    public static IServiceCollection AddAccessAudit(this IServiceCollection services)
    {
        services.AddSingleton<AccessAudit>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenAudit>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitOrigin>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitOriginHandler>());
        return services;
    }
}
