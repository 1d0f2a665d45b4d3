using System.Net;
using BIS.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>
/// BIS.Web in-process with its Security settings chosen by the test class, every password hash counted
/// (the real PBKDF2 hasher, counted), and each client given its own network address: the in-memory test
/// server has no TCP peer, so the address a client says in <see cref="PeerHeader"/> stands in for it.
/// </summary>
public abstract class SignInServer : BisWebFactory
{
    public const string PeerHeader = "X-Test-Peer";

    public CountingPasswordHasher Hasher { get; } = new();

    /// <summary>Security:* settings of this server ("SignIn:LockoutAfterFailures" → "3").</summary>
    protected abstract Dictionary<string, string> Security { get; }

    /// <summary>Whether the mini city is loaded: signing in needs no building, reading a card does.</summary>
    protected virtual bool LoadCity => false;

    protected override Task LoadAsync(BIS.Ingest.Pipeline.FeedRunner runner) => LoadCity ? base.LoadAsync(runner) : Task.CompletedTask;

    protected override Dictionary<string, string?> FeedSettings()
    {
        var settings = base.FeedSettings();
        foreach (var (key, value) in Security)
        {
            settings["Security:" + key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
            services.AddTransient<IStartupFilter, TestPeers>();
        });
    }

    /// <summary>A browser at this address: keeps its cookies, follows no redirect, says who it is.</summary>
    public HttpClient CreatePeer(string address, string userAgent = "BIS-Tests/1.0")
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(PeerHeader, address);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>Sets the connection's remote address before BIS's own pipeline sees the request, as Kestrel would.</summary>
    private sealed class TestPeers : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(PeerHeader, out var peer)
                    ? IPAddress.Parse(peer.ToString())
                    : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>ASP.NET Core's PasswordHasher, counting the hashes it computes and how many run at once.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _real = new();
    private int _verifications;
    private int _running;
    private int _mostAtOnce;

    public int Verifications => Volatile.Read(ref _verifications);

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        var running = Interlocked.Increment(ref _running);
        int most;
        while (running > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, running, most) != most)
        {
        }

        try
        {
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
