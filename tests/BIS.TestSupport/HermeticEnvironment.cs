using System.Collections;

namespace BIS.TestSupport;

/// <summary>
/// Makes a test process independent of the shell that started it. The entry script exports BIS settings
/// (<c>Feeds__ManifestPath</c> pointing at a generated sample city, a connection string, …) and a host built
/// in a test reads environment variables as configuration: a newcomer who ran <c>infra/bis up</c> before
/// <c>infra/bis test</c> had test hosts loading the sample city's feeds instead of their own. Every variable
/// shaped like configuration is removed before any host is built, so each test says what it runs on.
/// Child processes a test starts inherit the cleaned environment.
/// </summary>
public static class HermeticEnvironment
{
    private static int _applied;

    /// <summary>The variables removed, for a test to prove it.</summary>
    public static IReadOnlyList<string> Removed { get; private set; } = [];

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return;
        }

        var removed = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (IsConfiguration(name))
            {
                Environment.SetEnvironmentVariable(name, null);
                removed.Add(name);
            }
        }

        Removed = removed;
    }

    /// <summary>
    /// "Section__Key" is how .NET configuration reads environment variables; ASPNETCORE_* and DOTNET_ENVIRONMENT
    /// choose the host's environment, URLs and startup. BIS_TEST_*, BIS_CHROMIUM and the SDK's own variables
    /// (DOTNET_ROOT, …) are the test run's, and stay.
    /// </summary>
    public static bool IsConfiguration(string name) =>
        name.Contains("__", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase);
}
