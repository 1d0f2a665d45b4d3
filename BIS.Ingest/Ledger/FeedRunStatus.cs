namespace BIS.Ingest.Ledger;

public enum FeedRunStatus
{
    Running,
    Succeeded,
    Unchanged,
    Refused,
    Failed,
    Cancelled,
}

public static class FeedRunStatusNames
{
    public static string ToDb(this FeedRunStatus status) => status.ToString().ToLowerInvariant();

    public static FeedRunStatus FromDb(string value) => Enum.Parse<FeedRunStatus>(value, ignoreCase: true);
}
