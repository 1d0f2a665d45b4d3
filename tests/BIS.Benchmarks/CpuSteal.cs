using System.Globalization;

namespace BIS.Benchmarks;

/// <summary>
/// The share of CPU time the hypervisor gave to other guests ("steal" in /proc/stat) between two readings. On a
/// shared virtual machine it moves latency tails more than anything in the code, so a benchmark prints it beside them.
/// </summary>
public readonly record struct CpuSteal(long Steal, long Total)
{
    /// <summary>Now, from the first line of /proc/stat; zero where there is none (not Linux).</summary>
    public static CpuSteal Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return fields.Length < 8 ? default : new CpuSteal(fields[7], fields.Take(8).Sum());
    }

    /// <summary>Percent of the CPU time between <paramref name="since"/> and this reading that was stolen.</summary>
    public double PercentSince(CpuSteal since) => Total > since.Total ? 100.0 * (Steal - since.Steal) / (Total - since.Total) : 0;
}
