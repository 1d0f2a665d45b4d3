using BIS.Web.Security.SignIn;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using System.Threading.RateLimiting;

namespace BIS.Web.Units;

/// <summary>Pairing is anonymous and a code is 8 characters: attempts are limited per client address (429 beyond).</summary>
public sealed class PairingRateLimit(IOptions<PushOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "unit-pairing";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetSlidingWindowLimiter(SignInThrottle.PartitionOf(httpContext.Connection.RemoteIpAddress),
            _ => SignInThrottle.PerMinute(options.Value.PairingAttemptsPerMinute));

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        await Results.Problem("Too many pairing attempts from this address: wait a minute, then try again.", statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(context.HttpContext);
    };
}
