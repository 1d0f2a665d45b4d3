using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.SignIn;

/// <summary>
/// Limits on password sign-in, all applied before a password hash is computed. Per client address: the
/// ASP.NET Core rate-limiting middleware, on the POST endpoint only (<see cref="PerAddressPolicy"/>).
/// Per user name: a partitioned limiter the endpoint asks once it has read the form. Per node: at most
/// <see cref="SignInOptions.EffectiveConcurrentChecks"/> PBKDF2 checks at once, the rest queued or turned
/// away, so a flood from many addresses still leaves cores to the dispatch console.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string PerAddressPolicy = "sign-in-per-address";

    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly ConcurrencyLimiter _checks;

    public SignInThrottle(IOptions<SecurityOptions> options)
    {
        var settings = options.Value.SignIn;
        _perAccount = PartitionedRateLimiter.Create<string, string>(username => RateLimitPartition.GetSlidingWindowLimiter(username, _ => PerMinute(settings.AttemptsPerAccountPerMinute)));
        _checks = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.EffectiveConcurrentChecks,
            QueueLimit = settings.PasswordCheckQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Whether one more attempt for this (normalized) user name may go ahead now.</summary>
    public bool AllowAccount(string username)
    {
        using var lease = _perAccount.AttemptAcquire(username);
        return lease.IsAcquired;
    }

    /// <summary>A turn to check a password hash, after waiting in the queue; not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> WaitForCheckAsync(CancellationToken cancellationToken) => _checks.AcquireAsync(1, cancellationToken);

    /// <summary>The partition of a client address: itself for IPv4, its /64 for IPv6 (one host usually has a whole /64).</summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static SlidingWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 6,
        QueueLimit = 0,
    };

    public void Dispose()
    {
        _perAccount.Dispose();
        _checks.Dispose();
    }
}

/// <summary>The per-address limit on sign-in POSTs; a rejection is logged once a minute per address, not per request.</summary>
public sealed class SignInAddressPolicy(IOptions<SecurityOptions> options, ILogger<SignInAddressPolicy> logger) : IRateLimiterPolicy<string>, IDisposable
{
    private readonly MemoryCache _logged = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = options.Value.SignIn.AttemptsPerAddressPerMinute;
        return RateLimitPartition.GetSlidingWindowLimiter(SignInThrottle.PartitionOf(httpContext.Connection.RemoteIpAddress), _ => SignInThrottle.PerMinute(permits));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, cancellationToken) =>
    {
        var partition = SignInThrottle.PartitionOf(context.HttpContext.Connection.RemoteIpAddress);
        if (!_logged.TryGetValue(partition, out _))
        {
            _logged.Set(partition, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
            logger.LogWarning("Sign-in attempts from {Address} over {Limit} a minute: refused with 429 (logged once a minute)", partition, options.Value.SignIn.AttemptsPerAddressPerMinute);
        }

        return SignInResponses.TooManyAsync(context.HttpContext, "Too many sign-in attempts from this computer: wait a minute, then try again.");
    };

    public void Dispose() => _logged.Dispose();
}
