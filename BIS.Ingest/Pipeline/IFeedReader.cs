using BIS.Domain.Feeds;

namespace BIS.Ingest.Pipeline;

/// <summary>Reads one feed's inputs in their real-world shape.</summary>
public interface IFeedReader
{
    FeedKind Feed { get; }

    /// <summary>
    /// Streams every row as a <see cref="StagedRecord"/> or a <see cref="RejectedRow"/>.
    /// Throws <see cref="FeedRefusedException"/> when the input as a whole cannot be used
    /// (a required input or column missing, an unknown shape, unreadable file).
    /// </summary>
    IEnumerable<ReadItem> Read(FeedInput input, CancellationToken cancellationToken);
}
