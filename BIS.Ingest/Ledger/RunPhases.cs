using System.Diagnostics;

namespace BIS.Ingest.Ledger;

/// <summary>
/// Tracks which phase a run is in — visible in the ledger while it runs — and how long each took,
/// kept with the run when it finishes.
/// </summary>
public sealed class RunPhases(FeedLedger ledger, long runId)
{
    private readonly Dictionary<string, double> _seconds = [];
    private readonly Stopwatch _clock = new();
    private string? _current;

    public IReadOnlyDictionary<string, double> Seconds => _seconds;

    public async Task EnterAsync(string phase, CancellationToken cancellationToken)
    {
        Close();
        _current = phase;
        _clock.Restart();
        await ledger.SetPhaseAsync(runId, phase, cancellationToken);
    }

    /// <summary>Ends the phase in progress; called when the run is over, whatever its outcome.</summary>
    public void Close()
    {
        if (_current is not null)
        {
            // A phase entered twice (a feed read ahead waits before its turn and after it) counts both times.
            _seconds[_current] = Math.Round(_seconds.GetValueOrDefault(_current) + _clock.Elapsed.TotalSeconds, 3);
            _current = null;
        }
    }
}
