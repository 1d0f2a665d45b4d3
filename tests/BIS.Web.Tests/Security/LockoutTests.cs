using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>Three failures lock a name for six seconds; rate limits out of the way.</summary>
public sealed class LockoutServer : SignInServer
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["SignIn:LockoutAfterFailures"] = "3",
        ["SignIn:FailureWindow"] = "00:15:00",
        ["SignIn:LockoutFor"] = "00:00:06",
        ["SignIn:AttemptsPerAddressPerMinute"] = "1000",
        ["SignIn:AttemptsPerAccountPerMinute"] = "1000",
    };

    protected override Dictionary<string, string> Security => Settings;
}

/// <summary>
/// Lockout after repeated failures, kept in PostgreSQL: a clear message on the form, audit rows with the
/// client's address and user agent, no hash while locked, the same for names that are no account, and
/// the same on every node.
/// </summary>
public sealed class LockoutTests(LockoutServer server) : IClassFixture<LockoutServer>
{
    [Fact]
    public async Task Three_failures_lock_the_account_with_a_message_and_audit_rows_and_the_lock_costs_no_hash()
    {
        await server.Services.GetRequiredService<BIS.Web.Security.LocalAccounts>()
            .CreateAsync("night-dispatcher", "Night Dispatcher", "dispatcher", null, "night-shift-password", CancellationToken.None);
        using var client = server.CreatePeer("198.51.100.40", "Lockout-Test-Browser/2.0");

        Assert.EndsWith("error=1&returnUrl=%2F", (await SignIn.PostAsync(client, "night-dispatcher", "wrong-1")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("error=1&returnUrl=%2F", (await SignIn.PostAsync(client, "night-dispatcher", "wrong-2")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var third = await SignIn.PostAsync(client, "night-dispatcher", "wrong-3");
        Assert.Contains("error=locked", third.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Locked: the right password is refused too, and without a hash.
        var hashes = server.Hasher.Verifications;
        var right = await SignIn.PostAsync(client, "night-dispatcher", "night-shift-password");
        Assert.Contains("error=locked", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(hashes, server.Hasher.Verifications);

        var page = await client.GetStringAsync(right.Headers.Location!.OriginalString);
        Assert.Contains("Too many failed sign-ins: this account is locked for 6 seconds", page, StringComparison.Ordinal);

        Assert.Equal(3L, await CountAsync("sign-in-failed", "night-dispatcher"));
        Assert.Equal(1L, await CountAsync("sign-in-lockout", "night-dispatcher"));
        Assert.Equal(1L, await CountAsync("sign-in-locked", "night-dispatcher"));
        Assert.Equal(5L, await server.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE actor = 'night-dispatcher' AND client_address = '198.51.100.40' AND user_agent = 'Lockout-Test-Browser/2.0'"));

        // Once the lock has run out the right password works, and the count starts again.
        await Task.Delay(TimeSpan.FromSeconds(6.5));
        await SignIn.AsAsync(client, "night-dispatcher", "night-shift-password");
        Assert.Equal(0L, await server.Database.ScalarAsync<long>("SELECT count(*) FROM sign_in_lockout WHERE username = 'night-dispatcher'"));
        Assert.Equal(1L, await CountAsync("sign-in", "night-dispatcher"));
    }

    [Fact]
    public async Task A_name_that_is_no_account_locks_the_same_way_so_the_lockout_tells_nothing()
    {
        using var client = server.CreatePeer("198.51.100.41");
        var answers = new List<string>();
        foreach (var username in new[] { "no-such-user", "no-such-user", "no-such-user", "no-such-user" })
        {
            answers.Add((await SignIn.PostAsync(client, username, "some-password")).Headers.Location!.OriginalString);
        }

        Assert.Equal(["error=1", "error=1", "error=locked", "error=locked"], answers.Select(a => a.Split('?')[1].Split('&')[0]));
        Assert.Equal(1L, await CountAsync("sign-in-lockout", "no-such-user"));
    }

    [Fact]
    public async Task A_lock_made_on_one_node_holds_on_another()
    {
        await using var other = new BisNode(server.Database.ConnectionString, server.City,
            LockoutServer.Settings.ToDictionary(p => "Security:" + p.Key, p => (string?)p.Value));
        using var there = other.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/account/signin")).StatusCode);

        using var here = server.CreatePeer("198.51.100.42");
        for (var i = 1; i <= 3; i++)
        {
            await SignIn.PostAsync(here, "steward", "wrong-" + i);
        }

        var response = await SignIn.PostAsync(there, "steward", "steward-test-password");
        Assert.Contains("error=locked", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private Task<long> CountAsync(string action, string actor) =>
        server.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = '{action}' AND actor = '{actor}'");
}
