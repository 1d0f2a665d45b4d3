namespace BIS.Ingest.Ledger;

/// <summary>What one feed run did, as recorded in the ledger.</summary>
public sealed record FeedRunResult
{
    public required long RunId { get; init; }
    public required string Feed { get; init; }
    public required FeedRunStatus Status { get; init; }
    public long RowsRead { get; init; }
    public long RowsAccepted { get; init; }
    public long RowsRejected { get; init; }
    /// <summary>Accepted rows mapped in this run with a value that could not be used (the record carries the warning).</summary>
    public long RowsWarned { get; init; }
    public long RowsMatched { get; init; }
    /// <summary>Accepted rows exactly as they were at the last load, kept without mapping (part of matched).</summary>
    public long RowsKept { get; init; }
    public long RowsUnmatched { get; init; }
    public long BuildingsChanged { get; init; }
    public string? InputChecksum { get; init; }
    /// <summary>What reading the input depended on besides its bytes (<see cref="Pipeline.MappingVersion"/>).</summary>
    public string? MappingVersion { get; init; }
    public string? Message { get; init; }
    /// <summary>The judgment gate that refused the run, which a steward may overrule; null otherwise.</summary>
    public Pipeline.RefusalGate? RefusedGate { get; init; }
    /// <summary>Who applied this run on purpose, overruling the gates; null for an ordinary run.</summary>
    public string? AcceptedBy { get; init; }
    /// <summary>The refused run whose input this run applied on purpose.</summary>
    public long? AcceptsRunId { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>Seconds spent in each phase (fetching, staging, linking, merging, indexing, committing).</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    public string DescribePhases() =>
        string.Join(", ", PhaseSeconds.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F2}s")));
}

/// <summary>The feed's last run that loaded data or found its input identical to such a run.</summary>
/// <param name="Accepted">Rows accepted by the last run that accepted any (the row-drop gate's reference).</param>
public sealed record LastGoodRun(long RunId, string? Checksum, string? MappingVersion, long Accepted);

/// <summary>A finished run of a feed, as a steward accepting it needs to know it.</summary>
public sealed record FinishedRun(long RunId, FeedRunStatus Status, Pipeline.RefusalGate? RefusedGate, string? Checksum, string? Message);
