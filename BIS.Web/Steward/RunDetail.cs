namespace BIS.Web.Steward;

/// <summary>One run from the ledger, with what the run page says about it beyond the board's figures.</summary>
/// <param name="Phases">Seconds per phase, in the order a run passes them.</param>
/// <param name="AcceptedBy">Who applied this run on purpose (a run that accepted a refused one).</param>
/// <param name="AcceptsRunId">The refused run this one applied.</param>
/// <param name="AcceptedIn">The run that later applied this refused one, if any.</param>
/// <param name="CanAccept">
/// Whether <c>RunAcceptance</c> would take this run now: refused by a judgment gate, still the feed's last finished run,
/// and no run of the feed in progress. The run itself then checks that the input is byte-identical to the refused one.
/// </param>
public sealed record RunDetail(
    RunView Figures,
    string Feed,
    string Trigger,
    long Kept,
    long BuildingsChanged,
    string? InputChecksum,
    string? MappingVersion,
    IReadOnlyList<PhaseTime> Phases,
    string? AcceptedBy,
    long? AcceptsRunId,
    RunLink? AcceptedIn,
    bool CanAccept)
{
    public long RunId => Figures.RunId;

    public string Status => Figures.Status;

    public TimeSpan? Duration => Figures.FinishedAt - Figures.StartedAt;
}

public sealed record PhaseTime(string Phase, double Seconds);

public sealed record RunLink(long RunId, string Status);

/// <summary>One rejected row of a run.</summary>
/// <param name="RecordId">The record the row was for, when it could be read: its last good version stays.</param>
public sealed record RejectedRowView(long LineNumber, string Reason, string RawText, string? RecordId);

/// <summary>A reason and how many of the run's rows it rejected (the filter's choices).</summary>
public sealed record ReasonCount(string Reason, long Rows);

/// <summary>A page of rows and how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A record loaded by the run with the values it could not use.</summary>
public sealed record WarnedRecord(string RecordId, long? LineNumber, IReadOnlyList<string> Warnings);

/// <summary>A record left without a building, why, and the building that came closest.</summary>
/// <param name="Candidate">The nearest addresses on its street, or the nearest building to its point, in words.</param>
public sealed record UnmatchedRecord(string RecordId, long LineNumber, string? AddressText, string Reason, string? Candidate);
