using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Security;

/// <summary>
/// BIS on real loopback Kestrel behind a TLS-terminating proxy on the same machine: forwarded headers
/// on (loopback is always a trusted proxy). The test client plays the proxy.
/// </summary>
public sealed class ProxiedServer : BisWebFactory
{
    public Uri BaseAddress { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override Task LoadAsync(BIS.Ingest.Pipeline.FeedRunner runner) => Task.CompletedTask;

    protected override Dictionary<string, string?> FeedSettings()
    {
        var settings = base.FeedSettings();
        settings["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0";
        settings["Security:ForwardedHeaders:Enabled"] = "true";
        return settings;
    }
}

/// <summary>Behind the proxy the sign-in cookie is Secure and the audit names the client, not the proxy.</summary>
public sealed class ForwardedHeadersTests(ProxiedServer server) : IClassFixture<ProxiedServer>
{
    [Fact]
    public async Task Forwarded_https_makes_the_cookies_secure_and_the_audit_row_carries_the_forwarded_client()
    {
        using var proxy = Proxy("https", "203.0.113.7");

        var (signIn, cookies) = await SignInAsync(proxy);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(cookies, c => c.StartsWith("bis.auth=", StringComparison.Ordinal));
        Assert.Equal(1L, await server.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'sign-in' AND actor = 'dispatcher' AND client_address = '203.0.113.7' AND user_agent = 'Proxied-Browser/1.0'"));
    }

    [Fact]
    public async Task Plain_http_through_the_same_proxy_gets_no_secure_cookie()
    {
        using var proxy = Proxy("http", "203.0.113.8");

        var (signIn, cookies) = await SignInAsync(proxy);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(cookies, c => c.StartsWith("bis.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Cookies are carried by hand: a Secure cookie set over the proxy's https leg travels here over
    /// plain http, which an ordinary cookie container refuses to do.
    /// </summary>
    private static async Task<(HttpResponseMessage SignIn, List<string> Cookies)> SignInAsync(HttpClient proxy)
    {
        var form = await proxy.GetAsync("/account/signin");
        var cookies = form.Headers.GetValues("Set-Cookie").ToList();
        var token = SignIn.AntiforgeryFieldOf(await form.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [token.Key] = token.Value,
                ["username"] = "dispatcher",
                ["password"] = BisWebFactory.DispatcherPassword,
                ["returnUrl"] = "/",
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        var response = await proxy.SendAsync(post);
        cookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var more) ? more : []);
        return (response, cookies);
    }

    private HttpClient Proxy(string scheme, string client)
    {
        var proxy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        proxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        proxy.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        proxy.DefaultRequestHeaders.UserAgent.ParseAdd("Proxied-Browser/1.0");
        return proxy;
    }
}
