using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BIS.Web.Tests.Security;

/// <summary>Who is signed in at the provider, as its id_token will say.</summary>
public sealed record ProviderUser(string Subject, string Username, string[] Roles);

/// <summary>
/// A real, tiny OpenID Connect provider on loopback Kestrel: discovery, a JWKS with one RSA key, an
/// /authorize that signs <see cref="User"/> in at once, a /token that checks the client secret and
/// PKCE and returns an RS256 id_token, and an end-session endpoint. Tokens are built by hand so the
/// test does not trust the library BIS uses to read them. Bare Kestrel rather than a WebApplication:
/// WebApplicationFactory adopts whichever host is built in the process while it waits for BIS's, so a
/// provider host built alongside a test class starting BIS would be taken for BIS.
/// </summary>
public sealed class TinyOidcProvider : IAsyncDisposable
{
    public const string ClientId = "bis-test";
    public const string ClientSecret = "bis-test-secret";
    private const string KeyId = "test-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (ProviderUser User, string Nonce, string Challenge, string RedirectUri)> _codes = new();
    private KestrelServer? _server;

    public string Issuer { get; private set; } = "";

    public ProviderUser User { get; set; } = new("sub-0", "nobody", []);

    /// <summary>Codes redeemed with a valid secret and PKCE verifier.</summary>
    public int TokensIssued { get; private set; }

    public int SessionsEnded { get; private set; }

    public async Task StartAsync()
    {
        var services = new ServiceCollection().AddLogging().AddOptions().BuildServiceProvider();
        var options = new KestrelServerOptions { ApplicationServices = services };
        options.Listen(IPAddress.Loopback, 0);
        _server = new KestrelServer(Options.Create(options),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance), NullLoggerFactory.Instance);
        await _server.StartAsync(new Application(this, services), CancellationToken.None);
        Issuer = _server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private Task<IResult> RouteAsync(HttpRequest request) => (request.Method, request.Path.Value) switch
    {
        ("GET", "/.well-known/openid-configuration") => Task.FromResult(Discovery()),
        ("GET", "/jwks") => Task.FromResult(Jwks()),
        ("GET", "/authorize") => Task.FromResult(Authorize(request)),
        ("POST", "/token") => TokenAsync(request),
        ("GET", "/logout") => Task.FromResult(EndSession(request)),
        _ => Task.FromResult(Results.NotFound()),
    };

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["end_session_endpoint"] = Issuer + "/logout",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
    });

    private IResult Jwks()
    {
        var key = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url(key.Modulus!), e = Base64Url(key.Exponent!) } } });
    }

    private IResult EndSession(HttpRequest request)
    {
        SessionsEnded++;
        var back = request.Query["post_logout_redirect_uri"].ToString();
        return back.Length == 0 ? Results.Ok() : Results.Redirect(QueryHelpers.AddQueryString(back, "state", request.Query["state"].ToString()));
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["nonce"]) || string.IsNullOrEmpty(query["redirect_uri"]))
        {
            return Results.BadRequest("authorize: expected a PKCE code request from " + ClientId);
        }

        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (User, query["nonce"].ToString(), query["code_challenge"].ToString(), query["redirect_uri"].ToString());
        return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"].ToString(),
            new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_codes.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
            || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        TokensIssued++;
        var accessToken = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var idToken = Sign(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = grant.User.Subject,
            ["preferred_username"] = grant.User.Username,
            ["name"] = "Test " + grant.User.Username,
            ["roles"] = grant.User.Roles,
            ["nonce"] = grant.Nonce,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["at_hash"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        });
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private string Sign(Dictionary<string, object> payload)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId }));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + body + "." + Base64Url(signature);
    }

    /// <summary>Kestrel's request loop: each request answered by <see cref="RouteAsync"/>.</summary>
    private sealed class Application(TinyOidcProvider provider, IServiceProvider services) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures) { RequestServices = services };

        public async Task ProcessRequestAsync(HttpContext context) => await (await provider.RouteAsync(context.Request)).ExecuteAsync(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(CancellationToken.None);
            _server.Dispose();
        }

        _key.Dispose();
    }
}
