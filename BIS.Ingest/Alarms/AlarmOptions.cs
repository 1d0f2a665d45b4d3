using System.ComponentModel.DataAnnotations;

namespace BIS.Ingest.Alarms;

/// <summary>The "Alarms" configuration section: when feeds raise alarms and where they are sent.</summary>
public sealed class AlarmOptions
{
    public const string Section = "Alarms";

    /// <summary>A run whose match rate falls more than this many percentage points below the last good run's raises an alarm.</summary>
    [Range(0.0, 100.0)]
    public double MatchRateDropPoints { get; set; } = 10;

    /// <summary>When feeds are checked (Quartz cron, seconds first); every run is also checked as it ends.</summary>
    [Required]
    public string CheckCron { get; set; } = "0 * * * * ?";

    /// <summary>Where opened and resolved alarms are posted, so they reach a pager or a chat room when no board is open.</summary>
    public List<AlarmWebhookOptions> Webhooks { get; set; } = [];

    /// <summary>How often due webhook deliveries are looked for when nothing woke the sender.</summary>
    [Range(0.05, 3600)]
    public double WebhookPollSeconds { get; set; } = 5;

    /// <summary>Delay before the first retry of a failed delivery; it doubles with each attempt, up to an hour.</summary>
    [Range(0.01, 3600)]
    public double WebhookRetrySeconds { get; set; } = 10;

    /// <summary>Attempts before a delivery is given up (its last error stays on the row).</summary>
    [Range(1, 1000)]
    public int WebhookMaxAttempts { get; set; } = 20;
}

public sealed class AlarmWebhookOptions
{
    /// <summary>Names the webhook in the delivery ledger; the URL itself may carry a token and is not stored.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    [Required]
    public string Url { get; set; } = string.Empty;

    /// <summary>Key of the HMAC-SHA256 signature the receiver checks (<c>X-BIS-Signature</c>).</summary>
    [Required]
    [MinLength(16)]
    public string Secret { get; set; } = string.Empty;
}
