namespace BIS.Ingest.Pipeline;

/// <summary>The run's input as a whole looks wrong; the run is refused and the last good data stays live.</summary>
/// <param name="reason">What a steward reads: what is wrong and that the last good data stays live.</param>
/// <param name="gate">The judgment gate that held the run, which a steward may overrule (<see cref="RefusalGate"/>); null when no one can.</param>
public sealed class FeedRefusedException(string reason, RefusalGate? gate = null) : Exception(reason)
{
    public RefusalGate? Gate { get; } = gate;
}
