namespace BIS.Ingest.Pipeline;

/// <summary>The run's input as a whole looks wrong; the run is refused and the last good data stays live.</summary>
public sealed class FeedRefusedException(string reason) : Exception(reason);
