using System.Net;
using BIS.Web.Security;
using BIS.Web.Security.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>Accounts re-checked every second instead of every minute.</summary>
public sealed class QuickRevalidationServer : SignInServer
{
    protected override Dictionary<string, string> Security => new() { ["RevalidateEvery"] = "00:00:01" };
}

/// <summary>
/// A disabled account or a changed role reaches signed-in cookies and open consoles within
/// Security:RevalidateEvery (one second here, a minute by default).
/// </summary>
public sealed class AccountRevalidationTests(QuickRevalidationServer server) : IClassFixture<QuickRevalidationServer>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_disabled_accounts_cookie_stops_working_within_the_interval()
    {
        await CreateAsync("relief-1", BisRoles.Dispatcher);
        using var client = server.CreatePeer("198.51.100.70");
        await SignIn.AsAsync(client, "relief-1", "relief-shift-password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/buildings/search?q=302")).StatusCode);

        await SetAsync("relief-1", "disabled = true");
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/buildings/search?q=302")).StatusCode != HttpStatusCode.OK,
            Within, "a disabled account's cookie still works");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/buildings/search?q=302")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostAsync(client, "relief-1", "relief-shift-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/buildings/search?q=302")).StatusCode);
    }

    [Fact]
    public async Task A_changed_role_reaches_the_cookie_within_the_interval_and_the_403_is_audited()
    {
        await CreateAsync("relief-2", BisRoles.Dispatcher);
        using var client = server.CreatePeer("198.51.100.71", "Console-Browser/3.1");
        await SignIn.AsAsync(client, "relief-2", "relief-shift-password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dispatch")).StatusCode);

        await SetAsync("relief-2", "role = 'steward'");
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/dispatch")).StatusCode != HttpStatusCode.OK,
            Within, "a steward's cookie still opens the dispatch console");

        // Still signed in, now as a steward: the feed status answers, the console does not.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/dispatch")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/feeds")).StatusCode);
        Assert.True(await server.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM audit_log WHERE action = 'forbidden' AND actor = 'relief-2' AND actor_role = 'steward'
               AND detail = 'GET /dispatch' AND client_address = '198.51.100.71' AND user_agent = 'Console-Browser/3.1'
            """) >= 1);
    }

    [Theory]
    [InlineData("relief-3", "disabled = true")]
    [InlineData("relief-4", "role = 'steward'")]
    public async Task An_open_console_is_signed_out_within_the_interval_when_its_account_is_disabled_or_changed(string username, string change)
    {
        await CreateAsync(username, BisRoles.Dispatcher);
        var id = await server.Database.ScalarAsync<long>($"SELECT user_id FROM app_user WHERE username = '{username}'");
        var account = await server.Services.GetRequiredService<LocalAccounts>().FindEnabledAsync(id, CancellationToken.None);
        var user = LocalAccounts.PrincipalOf(account!, "Cookies");
        server.Services.GetRequiredService<SessionValidator>().Stamp(user);

        // The console's own authentication state, as a circuit gets it.
        using var circuit = server.Services.CreateScope();
        var state = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.IsType<RevalidatingAccountStateProvider>(state);
        ((IHostEnvironmentAuthenticationStateProvider)state).SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));

        // Unchanged, it stays signed in over several checks.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.True((await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);

        await SetAsync(username, change);
        await Eventually.HoldsAsync(async () => (await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated != true,
            Within, "the open console kept its user");
    }

    private Task CreateAsync(string username, string role) =>
        server.Services.GetRequiredService<LocalAccounts>().CreateAsync(username, "Relief " + username, role, null, "relief-shift-password", CancellationToken.None);

    private Task<long> SetAsync(string username, string assignment) =>
        server.Database.ScalarAsync<long>($"WITH changed AS (UPDATE app_user SET {assignment} WHERE username = '{username}' RETURNING 1) SELECT count(*) FROM changed");
}
