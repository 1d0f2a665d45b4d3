using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.Sessions;

public enum SessionState
{
    Valid,
    /// <summary>The account's name, role or unit changed: go on with <see cref="SessionCheck.Current"/>.</summary>
    Changed,
    /// <summary>Signed out: past the absolute lifetime, or the account was disabled or removed.</summary>
    Ended,
}

public sealed record SessionCheck(SessionState State, string? Reason = null, ClaimsPrincipal? Current = null);

/// <summary>
/// Whether a signed-in principal may go on, checked on every cookie request and every
/// Security:RevalidateEvery on an open console: within Security:SessionAbsolute of its sign-in, and, for
/// a local account, still enabled with the role it had. An OpenID Connect user's account lives at the
/// provider; only the lifetime applies to it. For cookies the account is read at most once per
/// RevalidateEvery per node (a console's page makes many requests); a console's check reads it fresh.
/// </summary>
public sealed class SessionValidator(LocalAccounts accounts, IOptions<SecurityOptions> options, TimeProvider time, ILogger<SessionValidator> logger) : IDisposable
{
    /// <summary>When the user signed in (Unix seconds), stamped once at sign-in and kept through renewals and role changes.</summary>
    public const string SignedInClaim = "bis:signed-in";

    private readonly MemoryCache _accounts = new(new MemoryCacheOptions());

    public void Stamp(ClaimsPrincipal user)
    {
        if (user.Identity is ClaimsIdentity identity && !user.HasClaim(c => c.Type == SignedInClaim))
        {
            identity.AddClaim(new Claim(SignedInClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }
    }

    public async Task<SessionCheck> CheckAsync(ClaimsPrincipal user, bool fresh, CancellationToken cancellationToken)
    {
        if (!long.TryParse(user.FindFirst(SignedInClaim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return new(SessionState.Ended, "no sign-in time (signed in before sessions had one)");
        }

        if (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) >= options.Value.SessionAbsolute)
        {
            return new(SessionState.Ended, "older than Security:SessionAbsolute");
        }

        if (!long.TryParse(user.FindFirst(LocalAccounts.AccountClaim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var userId))
        {
            return new(SessionState.Valid);
        }

        AppUser? account;
        try
        {
            account = fresh ? await accounts.FindEnabledAsync(userId, cancellationToken) : await CachedAsync(userId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database is away: nobody can be signed in or checked until it is back, and signing every
            // console out now would only add a sign-in to the outage. The next check reads it again.
            logger.LogWarning(exception, "Could not re-read account {UserId}; its session goes on unchecked until the next check", userId);
            return new(SessionState.Valid);
        }

        if (account is null)
        {
            return new(SessionState.Ended, "account disabled or removed");
        }

        if (Matches(user, account))
        {
            return new(SessionState.Valid);
        }

        var current = LocalAccounts.PrincipalOf(account, user.Identity?.AuthenticationType ?? "Cookies");
        ((ClaimsIdentity)current.Identity!).AddClaim(user.FindFirst(SignedInClaim)!.Clone());
        return new(SessionState.Changed, "account changed", current);
    }

    private async Task<AppUser?> CachedAsync(long userId, CancellationToken cancellationToken)
    {
        if (_accounts.TryGetValue(userId, out Known? known))
        {
            return known!.Account;
        }

        var account = await accounts.FindEnabledAsync(userId, cancellationToken);
        _accounts.Set(userId, new Known(account), options.Value.RevalidateEvery);
        return account;
    }

    private static bool Matches(ClaimsPrincipal user, AppUser account) =>
        user.Identity?.Name == account.Username
        && user.FindFirst("name")?.Value == account.DisplayName
        && user.FindFirst(BisRoles.UnitClaim)?.Value == account.UnitId
        && user.FindAll(ClaimTypes.Role).Select(c => c.Value).SequenceEqual([account.Role]);

    public void Dispose() => _accounts.Dispose();

    /// <summary>Also remembers that an account is gone (null), so a disabled user's requests do not each read it.</summary>
    private sealed record Known(AppUser? Account);
}
