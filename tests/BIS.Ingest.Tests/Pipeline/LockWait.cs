using BIS.TestSupport;

namespace BIS.Ingest.Tests.Pipeline;

internal static class LockWait
{
    /// <summary>Waits until some backend of the test database is blocked on a lock.</summary>
    public static async Task UntilSomeoneWaitsAsync(TestDatabase database, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var waiting = await database.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND wait_event_type = 'Lock'");
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No feed run reached the locked table in time.");
    }
}
