namespace BIS.Web.Resilience;

/// <summary>
/// The wait between attempts of a background loop that must never give up: doubling from the first wait
/// to the longest, and back to the first after a success.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;

    public Backoff(TimeSpan first, TimeSpan max)
    {
        _first = first;
        _max = max;
        Next = first;
    }

    /// <summary>How long the next <see cref="WaitAsync"/> waits.</summary>
    public TimeSpan Next { get; private set; }

    public void Reset() => Next = _first;

    /// <summary>Waits <see cref="Next"/> (returning early, without throwing, when the host stops) and doubles it for the time after.</summary>
    public async Task WaitAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(Next, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Next = TimeSpan.FromTicks(Math.Min(Next.Ticks * 2, _max.Ticks));
    }
}
