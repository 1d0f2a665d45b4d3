using System.Net;
using Microsoft.Extensions.Options;

namespace BIS.Web.Security;

/// <summary>Refuses to start with sessions, throttles or proxies set to something that cannot work.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        Positive(failures, "SessionIdle", options.SessionIdle);
        Positive(failures, "SessionAbsolute", options.SessionAbsolute);
        Positive(failures, "RevalidateEvery", options.RevalidateEvery);

        var signIn = options.SignIn;
        AtLeastOne(failures, "SignIn:AttemptsPerAddressPerMinute", signIn.AttemptsPerAddressPerMinute);
        AtLeastOne(failures, "SignIn:AttemptsPerAccountPerMinute", signIn.AttemptsPerAccountPerMinute);
        AtLeastOne(failures, "SignIn:LockoutAfterFailures", signIn.LockoutAfterFailures);
        if (signIn.ConcurrentPasswordChecks < 0 || signIn.PasswordCheckQueue < 0)
        {
            failures.Add("Security:SignIn:ConcurrentPasswordChecks and PasswordCheckQueue must be 0 or more.");
        }

        Positive(failures, "SignIn:FailureWindow", signIn.FailureWindow);
        Positive(failures, "SignIn:LockoutFor", signIn.LockoutFor);

        var proxy = options.ForwardedHeaders;
        AtLeastOne(failures, "ForwardedHeaders:ForwardLimit", proxy.ForwardLimit);
        failures.AddRange(proxy.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"Security:ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
        failures.AddRange(proxy.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
            .Select(n => $"Security:ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR form (192.0.2.0/24)."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Security:{key} must be longer than zero.");
        }
    }

    private static void AtLeastOne(List<string> failures, string key, int value)
    {
        if (value < 1)
        {
            failures.Add($"Security:{key} must be at least 1.");
        }
    }
}
