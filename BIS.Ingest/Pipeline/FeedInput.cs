namespace BIS.Ingest.Pipeline;

/// <summary>One input of a feed run, already fetched to a local file.</summary>
/// <param name="Role">What the file is for within its feed ("parcels", "violations", …).</param>
/// <param name="LocalPath">Where the bytes are on this machine.</param>
/// <param name="Location">Where they came from (path or URL), for messages.</param>
public sealed record FeedFile(string Role, string LocalPath, string Location)
{
    /// <summary>Counts the rows readers take from this file, for the steward board's rows so far; null when no run watches.</summary>
    public RunProgress? Progress { get; init; }
}

/// <summary>The inputs of one feed run.</summary>
public sealed record FeedInput(IReadOnlyList<FeedFile> Files)
{
    /// <summary>The feed's current records, so the reader can keep rows unchanged since the last load unmapped.</summary>
    public KnownRecords Known { get; init; } = KnownRecords.None;

    /// <summary>The same inputs, their rows counted into <paramref name="progress"/> as they are read.</summary>
    public FeedInput WatchedBy(RunProgress progress) => this with { Files = Files.Select(f => f with { Progress = progress }).ToList() };

    public IEnumerable<FeedFile> WithRole(string role) =>
        Files.Where(f => string.Equals(f.Role, role, StringComparison.OrdinalIgnoreCase));
}
