using System.Net;

namespace BIS.Web.Security.Audit;

/// <summary>
/// Where a request came from, for the audit log: the client's address (the one a trusted proxy
/// forwarded, see Security:ForwardedHeaders) and its user agent, cut to what the column keeps.
/// </summary>
public sealed record ClientOrigin(IPAddress? Address, string? UserAgent)
{
    public const int MaxUserAgent = 512;

    public static readonly ClientOrigin Unknown = new(null, null);

    public static ClientOrigin Of(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        var address = context.Connection.RemoteIpAddress;
        return new ClientOrigin(
            address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address,
            agent.Length == 0 ? null : agent[..Math.Min(agent.Length, MaxUserAgent)]);
    }

    public override string ToString() => Address?.ToString() ?? "unknown address";
}
