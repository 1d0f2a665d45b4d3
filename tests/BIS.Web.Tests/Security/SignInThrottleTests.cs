using System.Net;
using BIS.Web.Security.SignIn;

namespace BIS.Web.Tests.Security;

/// <summary>Three password POSTs per address and per name a minute, one hash at a time with one waiting.</summary>
public sealed class ThrottledSignInServer : SignInServer
{
    protected override Dictionary<string, string> Security => new()
    {
        ["SignIn:AttemptsPerAddressPerMinute"] = "3",
        ["SignIn:AttemptsPerAccountPerMinute"] = "3",
        ["SignIn:ConcurrentPasswordChecks"] = "1",
        ["SignIn:PasswordCheckQueue"] = "1",
        ["SignIn:LockoutAfterFailures"] = "1000",
    };
}

/// <summary>
/// Sign-in throttled per client address (the rate-limiting middleware) and per account, and hashes
/// limited per node: every refusal comes before a password hash is computed, so a flood of POSTs
/// cannot buy CPU time with PBKDF2.
/// </summary>
public sealed class SignInThrottleTests(ThrottledSignInServer server) : IClassFixture<ThrottledSignInServer>
{
    [Fact]
    public async Task The_fourth_attempt_from_one_address_in_a_minute_gets_429_before_any_hash()
    {
        using var client = server.CreatePeer("198.51.100.1");
        for (var i = 1; i <= 3; i++)
        {
            var response = await SignIn.PostAsync(client, $"guess-{i}", "not-the-password");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var hashes = server.Hasher.Verifications;
        var refused = await SignIn.PostAsync(client, "guess-4", "not-the-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Too many sign-in attempts from this computer", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(hashes, server.Hasher.Verifications);

        // Another address is not held up by this one; the right password from it still works.
        using var colleague = server.CreatePeer("198.51.100.2");
        await SignIn.AsAsync(colleague, "dispatcher", BisWebFactory.DispatcherPassword);
    }

    [Fact]
    public async Task The_fourth_attempt_on_one_name_in_a_minute_gets_429_before_any_hash_whatever_the_address()
    {
        for (var i = 1; i <= 3; i++)
        {
            using var attacker = server.CreatePeer($"198.51.100.{10 + i}");
            Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostAsync(attacker, "steward", "wrong-password-" + i)).StatusCode);
        }

        using var fourth = server.CreatePeer("198.51.100.14");
        var hashes = server.Hasher.Verifications;
        var refused = await SignIn.PostAsync(fourth, "  STEWARD ", "steward-test-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts for this account", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(hashes, server.Hasher.Verifications);

        // Limited per name: the same address may still try another.
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostAsync(fourth, "someone-else", "wrong-password")).StatusCode);
        Assert.Equal(hashes + 1, server.Hasher.Verifications);
    }

    [Fact]
    public async Task A_flood_from_many_addresses_never_runs_more_hashes_at_once_than_allowed()
    {
        // Each attacker first fetches the form (its antiforgery token), then all post at once.
        var attackers = Enumerable.Range(1, 16).Select(i => server.CreatePeer($"203.0.113.{i}")).ToList();
        var forms = await Task.WhenAll(attackers.Select(async client => SignIn.AntiforgeryFieldOf(await client.GetStringAsync("/account/signin"))));
        var hashes = server.Hasher.Verifications;

        var responses = await Task.WhenAll(attackers.Select((client, i) => client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [forms[i].Key] = forms[i].Value,
            ["username"] = $"flood-{i}",
            ["password"] = "flood-password",
        }))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.TooManyRequests, $"answered {r.StatusCode}"));
        Assert.Equal(1, server.Hasher.MostAtOnce);
        // Every attempt that was answered as a failure was checked; every 429 was not.
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.Redirect), server.Hasher.Verifications - hashes);
        attackers.ForEach(a => a.Dispose());
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("192.0.2.1", "::ffff:192.0.2.1", true)]
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    public void An_IPv6_client_is_limited_by_its_64_and_an_IPv4_one_by_its_address(string a, string b, bool same)
    {
        Assert.Equal(same, SignInThrottle.PartitionOf(IPAddress.Parse(a)) == SignInThrottle.PartitionOf(IPAddress.Parse(b)));
    }
}
