using System.Globalization;
using System.Threading.RateLimiting;
using BIS.Web.Security;
using Microsoft.Extensions.Options;

namespace BIS.Web.Cad;

/// <summary>
/// Requests per CAD key: <see cref="CadOptions.RequestsPerMinute"/> in a fixed one-minute window, counted on each
/// web node (N nodes behind the balancer let a key make up to N times that). An endpoint filter on the CAD
/// group, before the body is read or a key claimed, so a refused request costs nothing. People at the console
/// (cookie) are not limited here: sign-in throttling and their own pace bound them.
/// </summary>
public sealed class CadRateLimit(IOptions<CadOptions> options, CadResults results) : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: ApiKeyAuthentication.SchemeName, Name: { } client })
        {
            return await next(context);
        }

        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return results.Problem(StatusCodes.Status429TooManyRequests, "Too many requests for this CAD key.",
            $"This key may make {options.Value.RequestsPerMinute} requests a minute; try again in {seconds} s.");
    }

    public void Dispose() => _limiter.Dispose();
}
