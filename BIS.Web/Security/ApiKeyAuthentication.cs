using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Web.Security;

/// <summary>
/// CAD systems authenticate with an API key in the <c>X-Api-Key</c> header. Only a SHA-256 of each key
/// is stored, so a database dump does not hand out working keys.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    private const int MaxKeyLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        if (await directory.FindAsync(Hash(key), Context.RequestAborted) is not { } client)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "cad:" + client.Name), new Claim(ClaimTypes.Role, client.Role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Registers the key under the name, or gives the name a new key; a disabled client stays disabled.</summary>
    public static async Task RegisterAsync(NpgsqlDataSource dataSource, string name, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO api_client (name, key_sha256) VALUES (@name, @hash) ON CONFLICT (name) DO UPDATE SET key_sha256 = excluded.key_sha256");
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("hash", Hash(key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
