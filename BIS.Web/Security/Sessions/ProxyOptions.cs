namespace BIS.Web.Security.Sessions;

/// <summary>
/// Security:ForwardedHeaders — BIS behind a TLS-terminating proxy. Off by default: then X-Forwarded-*
/// headers are ignored, as anyone could send them.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Take the client's address and scheme (https) from X-Forwarded-For and X-Forwarded-Proto.</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies trusted to send those headers, besides loopback ("192.0.2.10").</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies, in CIDR ("192.0.2.0/24").</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep the chain is (entries of X-Forwarded-For read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;
}
