using System.Diagnostics;
using BIS.TestSupport;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>A real BIS.Ingest process (the build under test) on a test database and the mini city, for tests that kill it.</summary>
internal static class IngestProcess
{
    public static Process Start(TestDatabase database, MiniCity city, IDictionary<string, string?> settings, params string[] verb)
    {
        // The test runs from tests/BIS.Ingest.Tests/bin/<Configuration>/net10.0/; use the same configuration.
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
        var dll = Path.Combine(RepoPaths.Root, "BIS.Ingest", "bin", configuration, "net10.0", "BIS.Ingest.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in verb)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in city.FeedSettings().Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        // infra/bis exports the sample install's owner string; this process must stay on the test database.
        start.Environment.Remove("Database__OwnerConnectionString");
        start.Environment.Remove("Feeds__ManifestPath");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
