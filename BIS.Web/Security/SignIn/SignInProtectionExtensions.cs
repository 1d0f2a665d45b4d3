using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BIS.Web.Security.SignIn;

public static class SignInProtectionExtensions
{
    /// <summary>Password sign-in with its limits, lockout and audit rows (Security:SignIn).</summary>
    public static IServiceCollection AddSignInProtection(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccountLockout>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PasswordSignIn>();
        services.AddRateLimiter(options => options.AddPolicy<string, SignInAddressPolicy>(SignInThrottle.PerAddressPolicy));
        return services;
    }

    /// <summary>
    /// The rate-limiting middleware. Only the sign-in POST names a policy, so nothing else is limited; it
    /// runs after routing (which WebApplication puts first) so that it knows the endpoint.
    /// </summary>
    public static IApplicationBuilder UseSignInThrottling(this IApplicationBuilder app) => app.UseRateLimiter();
}
