namespace BIS.Web.Security.SignIn;

/// <summary>Security:SignIn — how hard password guessing is made, for local accounts.</summary>
public sealed class SignInOptions
{
    /// <summary>Password POSTs one client address may make per minute (an IPv6 client is its /64).</summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Password POSTs for one user name per minute on one node, whatever the address.</summary>
    public int AttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>
    /// Password hashes checked at once on one node (PBKDF2 takes a core for tens of milliseconds); 0 means
    /// half the cores, at least one, so sign-ins can never take the whole machine from the dispatchers.
    /// </summary>
    public int ConcurrentPasswordChecks { get; set; }

    /// <summary>Sign-ins that may wait for a check before more are turned away with 429.</summary>
    public int PasswordCheckQueue { get; set; } = 32;

    /// <summary>Failed sign-ins for one user name, within <see cref="FailureWindow"/> of the first, that lock it.</summary>
    public int LockoutAfterFailures { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked user name is refused (without its password being checked).</summary>
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(15);

    public int EffectiveConcurrentChecks => ConcurrentPasswordChecks > 0 ? ConcurrentPasswordChecks : Math.Max(1, Environment.ProcessorCount / 2);
}
