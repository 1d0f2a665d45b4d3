namespace BIS.Ingest.Pipeline;

/// <summary>
/// A steward's decision to apply a feed's refused run on purpose (<c>BIS.Ingest run &lt;feed&gt; --accept</c>, and
/// the steward board's "Accept anyway"). It overrules the judgment gates (<see cref="RefusalGate"/>) for one run
/// of one feed, and only for the input that was refused: if the input changed since, the steward has not seen
/// what the new one would do.
/// </summary>
/// <param name="AcceptedBy">Who decided, as the ledger records it (a user name, "root@host (command line)").</param>
public sealed record RunAcceptance(string AcceptedBy)
{
    public static RunAcceptance FromCommandLine() => new($"{Environment.UserName}@{Environment.MachineName} (command line)");
}
