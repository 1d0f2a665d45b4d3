using System.Globalization;

namespace BIS.Benchmarks;

/// <summary>The one output format every benchmark ends with: "figure &lt;name&gt; &lt;value&gt; &lt;unit&gt;", one line each.</summary>
public static class Figures
{
    public static void Print(string name, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"figure {name} {value:0.###} {unit}"));
}
