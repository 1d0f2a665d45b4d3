using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>
/// BIS.Web on real loopback Kestrel with Security:Oidc pointing at a <see cref="TinyOidcProvider"/>:
/// provider role "fd-dispatch" is a dispatcher, "steward" is one by its own name, "fd-parking" means nothing here.
/// </summary>
public class OidcBisServer : BisWebFactory
{
    public TinyOidcProvider Provider { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;

    protected virtual bool KeepLocalAccounts => false;

    public override async Task InitializeAsync()
    {
        // The provider's address is part of BIS's configuration, so it starts first.
        await Provider.StartAsync();
        UseKestrel(0);
        await base.InitializeAsync();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override Dictionary<string, string?> FeedSettings()
    {
        var settings = base.FeedSettings();
        settings["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Host settings, not app configuration: BIS decides whether to register the provider's scheme
        // while Program.cs runs, before the factory's app configuration is added.
        builder.UseSetting("Security:Oidc:Authority", Provider.Issuer);
        builder.UseSetting("Security:Oidc:ClientId", TinyOidcProvider.ClientId);
        builder.UseSetting("Security:Oidc:ClientSecret", TinyOidcProvider.ClientSecret);
        builder.UseSetting("Security:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("Security:Oidc:DisplayName", "Fire Department Login");
        builder.UseSetting("Security:Oidc:RoleMap:fd-dispatch", "dispatcher");
        builder.UseSetting("Security:Oidc:KeepLocalAccounts", KeepLocalAccounts ? "true" : "false");
    }

    /// <summary>A browser stand-in: keeps cookies, follows no redirect on its own.</summary>
    public HttpClient CreateBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, with the local password form kept beside the provider.</summary>
public sealed class OidcWithLocalAccountsServer : OidcBisServer
{
    protected override bool KeepLocalAccounts => true;
}
