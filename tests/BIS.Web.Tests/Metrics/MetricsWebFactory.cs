namespace BIS.Web.Tests.Metrics;

/// <summary>BIS.Web whose metrics listener (loopback, a free port) wants <see cref="Token"/>.</summary>
public sealed class MetricsWebFactory : BisWebFactory
{
    public const string Token = "scrape-token-for-the-tests-0123";

    protected override Dictionary<string, string?> FeedSettings()
    {
        var settings = base.FeedSettings();
        settings["Metrics:ScrapeToken"] = Token;
        settings["Metrics:GaugeRefreshSeconds"] = "1";
        return settings;
    }
}
