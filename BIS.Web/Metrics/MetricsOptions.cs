using System.Net;

namespace BIS.Web.Metrics;

/// <summary>
/// The management listener Prometheus scrapes: its own port, on loopback unless configured otherwise, never the
/// app's public port. Bound from <c>Metrics</c>.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public const string ScrapePath = "/metrics";

    /// <summary>False: no listener at all (the figures are still measured, for an in-process reader).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The management port; 0 picks a free one (tests), logged at start.</summary>
    public int Port { get; set; } = 9464;

    /// <summary>The address to bind: loopback by default, so only a collector on the same host can reach it.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// When set, a scrape must send <c>Authorization: Bearer &lt;token&gt;</c>. Required on any address other than
    /// loopback: no anonymous metrics leave the host.
    /// </summary>
    public string? ScrapeToken { get; set; }

    /// <summary>How often the figures read from the database (data age, SLA, open alarms) are refreshed.</summary>
    public int GaugeRefreshSeconds { get; set; } = 15;

    public const int MinTokenLength = 16;

    public IPAddress BindAddress => IPAddress.Parse(Address);

    /// <summary>What is wrong with these options, or null.</summary>
    public string? Problem()
    {
        if (Port is < 0 or > 65535)
        {
            return $"{Section}:Port must be 0 (a free port) to 65535.";
        }

        if (!IPAddress.TryParse(Address, out var address))
        {
            return $"{Section}:Address must be an IP address (127.0.0.1, ::1, or an interface's address), not '{Address}'.";
        }

        if (ScrapeToken is not null && ScrapeToken.Trim().Length < MinTokenLength)
        {
            return $"{Section}:ScrapeToken must be at least {MinTokenLength} characters when set.";
        }

        if (Enabled && !IPAddress.IsLoopback(address) && string.IsNullOrWhiteSpace(ScrapeToken))
        {
            return $"{Section}:Address {Address} is reachable from other hosts: set {Section}:ScrapeToken, so no one scrapes the metrics anonymously.";
        }

        return GaugeRefreshSeconds is < 1 or > 3600 ? $"{Section}:GaugeRefreshSeconds must be 1 to 3600." : null;
    }
}
