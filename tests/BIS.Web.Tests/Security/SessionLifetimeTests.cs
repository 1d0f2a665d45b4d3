using System.Net;

namespace BIS.Web.Tests.Security;

/// <summary>A "shift" of four seconds; the idle timeout stays at its twelve hours.</summary>
public sealed class ShortShiftServer : SignInServer
{
    protected override Dictionary<string, string> Security => new() { ["SessionAbsolute"] = "00:00:04" };
}

/// <summary>The absolute session lifetime: activity keeps a sliding cookie alive, but not past the shift.</summary>
public sealed class SessionLifetimeTests(ShortShiftServer server) : IClassFixture<ShortShiftServer>
{
    [Fact]
    public async Task A_session_in_constant_use_still_ends_at_the_absolute_lifetime()
    {
        using var client = server.CreatePeer("198.51.100.60");
        await SignIn.AsAsync(client, "dispatcher", BisWebFactory.DispatcherPassword);

        // In use every tenth of a second, so the sliding idle timeout never comes near.
        var status = HttpStatusCode.OK;
        var lasted = await Eventually.HoldsAsync(async () => (status = (await client.GetAsync("/api/buildings/search?q=302+Sumner")).StatusCode) != HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), "the session outlived its absolute lifetime");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        // The sign-in time is kept to the second, so the end may come up to a second early, never much earlier.
        Assert.True(lasted > TimeSpan.FromSeconds(2.8), $"ended after {lasted.TotalSeconds:0.0} s, before the lifetime");

        // The ended cookie is gone for good; signing in again starts a new shift.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/buildings/search?q=302+Sumner")).StatusCode);
        await SignIn.AsAsync(client, "dispatcher", BisWebFactory.DispatcherPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/buildings/search?q=302+Sumner")).StatusCode);
    }
}
