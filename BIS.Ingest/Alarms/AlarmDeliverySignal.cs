namespace BIS.Ingest.Alarms;

/// <summary>Wakes this process's webhook sender as soon as an evaluation queued deliveries, instead of at its next poll.</summary>
public sealed class AlarmDeliverySignal
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public void Pulse()
    {
        try
        {
            _pulse.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up sends everything that is due.
        }
    }

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pulse.WaitAsync(timeout, cancellationToken);
}
