using BIS.Web.Security.Audit;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security.SignIn;

public enum SignInResult
{
    SignedIn,
    /// <summary>Wrong name or password, or a disabled account: never says which.</summary>
    Failed,
    /// <summary>Too many failures for this name: refused without checking the password.</summary>
    Locked,
    /// <summary>Too many attempts for this name this minute, or too many checks waiting on this node.</summary>
    Throttled,
}

public sealed record SignInAttempt(SignInResult Result, AppUser? User = null);

/// <summary>
/// One password sign-in, cheapest refusals first: the name's rate, then its lock (one indexed read), and
/// only then a PBKDF2 check in its turn. Unknown names go through the same steps as real ones (a hash
/// of a placeholder, a failure counted, an audit row), so neither the answer, the lockout nor the time
/// taken tells which names are accounts.
/// </summary>
public sealed class PasswordSignIn(
    LocalAccounts accounts, AccountLockout lockout, SignInThrottle throttle, AccessAudit audit, IOptions<SecurityOptions> options, ILogger<PasswordSignIn> logger)
{
    public const int MaxUsername = 64;

    public async Task<SignInAttempt> AttemptAsync(string username, string password, ClientOrigin origin, CancellationToken cancellationToken)
    {
        var name = LocalAccounts.Normalize(username);
        if (name.Length is 0 or > MaxUsername || password.Length is 0 or > PasswordPolicy.MaxLength)
        {
            // No account can have such a name or password: nothing to check or count, but still a failure on record.
            logger.LogWarning("Failed sign-in (empty or oversized name or password) from {Address}", origin);
            await audit.RecordAsync(AccessActions.SignInFailed, name, string.Empty, origin, "empty or oversized name or password", cancellationToken);
            return new(SignInResult.Failed);
        }

        if (!throttle.AllowAccount(name))
        {
            logger.LogWarning("Sign-in for {Username} from {Address} refused: over {Limit} attempts a minute for that name", name, origin, options.Value.SignIn.AttemptsPerAccountPerMinute);
            return new(SignInResult.Throttled);
        }

        if (await lockout.LockedUntilAsync(name, cancellationToken) is { } lockedUntil)
        {
            logger.LogWarning("Sign-in for locked name {Username} from {Address} refused (locked until {Until:u})", name, origin, lockedUntil);
            await audit.RecordAsync(AccessActions.SignInWhileLocked, name, string.Empty, origin, $"locked until {lockedUntil:u}", cancellationToken);
            return new(SignInResult.Locked);
        }

        AppUser? user;
        using (var turn = await throttle.WaitForCheckAsync(cancellationToken))
        {
            if (!turn.IsAcquired)
            {
                logger.LogWarning("Sign-in for {Username} from {Address} refused: too many password checks waiting on this node", name, origin);
                return new(SignInResult.Throttled);
            }

            user = await accounts.VerifyAsync(name, password, cancellationToken);
        }

        if (user is not null)
        {
            await lockout.ClearAsync(name, cancellationToken);
            return new(SignInResult.SignedIn, user);
        }

        var counted = await lockout.RecordFailureAsync(name, cancellationToken);
        var limit = options.Value.SignIn.LockoutAfterFailures;
        logger.LogWarning("Failed sign-in for {Username} from {Address} ({Failures} of {Limit} before a lockout)", name, origin, counted.Failures, limit);
        await audit.RecordAsync(AccessActions.SignInFailed, name, string.Empty, origin, $"failure {counted.Failures} of {limit}", cancellationToken);
        if (counted.JustLocked)
        {
            logger.LogWarning("User name {Username} locked until {Until:u} after {Failures} failed sign-ins", name, counted.LockedUntil, counted.Failures);
            await audit.RecordAsync(AccessActions.Lockout, name, string.Empty, origin, $"{counted.Failures} failed sign-ins; locked until {counted.LockedUntil:u}", cancellationToken);
        }

        return new(counted.LockedUntil is null ? SignInResult.Failed : SignInResult.Locked);
    }
}
