namespace BIS.Benchmarks.Lookup;

/// <summary>Latencies recorded by many clients at once; percentiles by nearest rank.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    public void AddRange(Latencies other)
    {
        lock (_milliseconds)
        {
            _milliseconds.AddRange(other.Snapshot());
        }
    }

    public double Percentile(double percent)
    {
        var sorted = Snapshot();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private double[] Snapshot()
    {
        lock (_milliseconds)
        {
            return [.. _milliseconds];
        }
    }
}
