using System.Security.Cryptography;
using System.Text;

namespace BIS.Web.Metrics;

/// <summary>The bearer token a scrape must send when <see cref="MetricsOptions.ScrapeToken"/> is set, compared in constant time.</summary>
public sealed class ScrapeToken(string? token)
{
    // Hashes compared, not the strings: equal lengths whatever is sent, so neither the length nor a prefix leaks by timing.
    private readonly byte[]? _expected = string.IsNullOrWhiteSpace(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()));

    public bool IsRequired => _expected is not null;

    public bool Admits(HttpRequest request)
    {
        if (_expected is null)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(sent, _expected);
    }
}
