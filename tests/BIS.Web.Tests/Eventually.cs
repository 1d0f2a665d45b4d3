namespace BIS.Web.Tests;

/// <summary>For what happens in the background (a notice heard, tiles cut): polls until true, or fails the test.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan within, string failure)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    /// <summary>The same for a condition that has to ask the server; returns how long it took to hold.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string failure)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < within, failure);
            await Task.Delay(100);
        }

        return started.Elapsed;
    }
}
