namespace BIS.Ingest.Alarms;

/// <summary>What is wrong with a feed; a feed has at most one open alarm of each kind.</summary>
public enum FeedAlarmKind
{
    /// <summary>The last good load is older than the feed's SLA, or there has never been one.</summary>
    Stale,

    /// <summary>The feed's last run was refused (the last good data stays live, but the new data is not loaded).</summary>
    Refused,

    /// <summary>The feed's last run failed.</summary>
    Failed,

    /// <summary>The last good run linked a much smaller share of its records to buildings than the one before.</summary>
    MatchRate,
}

public static class FeedAlarmKindNames
{
    public static string ToDb(this FeedAlarmKind kind) => kind switch
    {
        FeedAlarmKind.Stale => "stale",
        FeedAlarmKind.Refused => "refused",
        FeedAlarmKind.Failed => "failed",
        FeedAlarmKind.MatchRate => "match-rate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
