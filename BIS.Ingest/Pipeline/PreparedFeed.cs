namespace BIS.Ingest.Pipeline;

/// <summary>
/// A feed whose run may load now: its input fetched, its lock taken, its current records read, and its rows
/// either to be streamed straight into COPY or already being read ahead on another thread while an
/// earlier feed of the same load is merged (the database works on one core, the reader on the other).
/// </summary>
internal sealed class PreparedFeed : IAsyncDisposable
{
    private readonly FetchedInput _fetched;
    private readonly IEnumerable<ReadItem>? _stream;
    private readonly Task<List<ReadItem>>? _ahead;
    private readonly CancellationTokenSource? _stopReading;

    private PreparedFeed(FeedRun run, FetchedInput fetched, long lastAccepted, KnownRecords known,
        IEnumerable<ReadItem>? stream, Task<List<ReadItem>>? ahead, CancellationTokenSource? stopReading)
    {
        Run = run;
        _fetched = fetched;
        LastAccepted = lastAccepted;
        Known = known;
        _stream = stream;
        _ahead = ahead;
        _stopReading = stopReading;
    }

    public FeedRun Run { get; }

    /// <summary>Rows accepted by the last good run, for the sanity gates.</summary>
    public long LastAccepted { get; }

    public KnownRecords Known { get; }

    /// <summary>True when the rows were read ahead into memory; false when they stream as the stage is filled.</summary>
    public bool IsReadAhead => _ahead is not null;

    /// <summary>Rows read as they are enumerated: the COPY and the parsing overlap.</summary>
    public static PreparedFeed Streaming(FeedRun run, FetchedInput fetched, long lastAccepted, KnownRecords known, CancellationToken cancellationToken) =>
        new(run, fetched, lastAccepted, known, run.Reader.Read(fetched.Input.WatchedBy(run.Progress) with { Known = known }, cancellationToken), null, null);

    /// <summary>Rows read now on the thread pool; the run's phase turns to "waiting" once they are all read.</summary>
    public static PreparedFeed ReadingAhead(FeedRun run, FetchedInput fetched, long lastAccepted, KnownRecords known, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var ahead = Task.Run(async () =>
        {
            var items = run.Reader.Read(fetched.Input.WatchedBy(run.Progress) with { Known = known }, token).ToList();
            await run.Phases.EnterAsync("waiting", token);
            return items;
        }, token);
        return new PreparedFeed(run, fetched, lastAccepted, known, null, ahead, stop);
    }

    /// <summary>The rows; for a feed read ahead, waits until they are all read and rethrows what stopped the reader (a refusal, say).</summary>
    public async Task<IEnumerable<ReadItem>> ItemsAsync() => _ahead is null ? _stream! : await _ahead;

    /// <summary>Stops a reader still running (the load failed) and lets go of the fetched input.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ahead is not null)
        {
            await _stopReading!.CancelAsync();
            try
            {
                await _ahead;
            }
            catch (Exception)
            {
                // Its outcome no longer matters: either it was used already, or the load is over.
            }

            _stopReading.Dispose();
        }

        _fetched.Dispose();
    }
}
