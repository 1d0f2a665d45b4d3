using BIS.Ingest.Ledger;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// Rows a run in progress has handled so far, for the steward board. The reader's loop only bumps a counter (it
/// runs on the COPY path, where a database call per row would cost the run); a timer writes the count to
/// <c>feed_run.rows_so_far</c> at most once an interval (<c>Ingest:ProgressInterval</c>, a second), and only when it moved, through the ledger's own short
/// connection, with <c>NOTIFY bis_run_progress</c>. Going through the database rather than an in-process event is
/// what lets a board on any web node follow a run executing on another node or in the ingest worker process;
/// phase changes, a run's start and its end send the same notification (<see cref="FeedLedger"/>).
/// </summary>
public sealed class RunProgress : IAsyncDisposable
{
    public const string NotifyChannel = "bis_run_progress";

    private readonly FeedLedger _ledger;
    private readonly long _runId;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private long _rows;
    private long _written;

    internal RunProgress(FeedLedger ledger, long runId, TimeSpan interval)
    {
        _ledger = ledger;
        _runId = runId;
        _interval = interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(1);
        _writer = Task.Run(WriteAsync);
    }

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>A row taken from an input file (<see cref="FeedFile.Progress"/>): counted where the readers parse, since most
    /// of them settle repeated ids over the whole file before they hand over a single item.</summary>
    internal void RowRead() => Interlocked.Increment(ref _rows);

    /// <summary>Counts the items as they are enumerated, from zero: the rows of a feed read ahead, as they are staged.</summary>
    internal IEnumerable<T> Counting<T>(IEnumerable<T> items)
    {
        Interlocked.Exchange(ref _rows, 0);
        foreach (var item in items)
        {
            Interlocked.Increment(ref _rows);
            yield return item;
        }
    }

    private async Task WriteAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var rows = Rows;
                if (rows == _written)
                {
                    continue;
                }

                try
                {
                    // Not cancelled when the run ends: a write cut off mid-flight would hand its pooled connection back broken
                    // to the ledger's next call, the run's finishing update; the run waits for this short one instead.
                    await _ledger.SetRowsSoFarAsync(_runId, rows, CancellationToken.None);
                    _written = rows;
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
                {
                    // Progress is a courtesy to the board: a lost write is tried again on the next tick, never fails the run.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }

    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _writer;
        _stop.Dispose();
    }
}
