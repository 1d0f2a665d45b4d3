using System.Diagnostics;
using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// A real BIS.Ingest process is killed (SIGKILL) while its run sits inside the merge transaction:
/// PostgreSQL must roll it back whole, and the next run must record the orphan as failed.
/// </summary>
public sealed class KilledRunTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _city.Dispose();

    [Fact]
    public async Task Killing_the_process_during_the_merge_leaves_the_index_exactly_as_it_was()
    {
        using (var host = IngestHost.Build(_database.ConnectionString, null, _city.FeedSettings()))
        {
            var runner = host.Services.GetRequiredService<FeedRunner>();
            Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None)).Status);
            Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        }

        _city.WriteViolations(MiniCity.ViolationRow("V1", "Closed", "Unsafe and Dangerous", "302", "Sumner", "ST"));
        var before = await _database.IndexChecksumAsync();

        var indexLock = await LockWait.HoldIndexAsync(_database);

        using var process = StartIngest("run", "violations");
        try
        {
            await LockWait.UntilSomeoneWaitsAsync(_database, TimeSpan.FromSeconds(60));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await indexLock.DisposeAsync();
        Assert.Equal(before, await _database.IndexChecksumAsync());
        Assert.Equal("running", await _database.ScalarAsync<string>("SELECT status FROM feed_run WHERE feed = 'violations' ORDER BY run_id DESC LIMIT 1"));

        using (var host = IngestHost.Build(_database.ConnectionString, null, _city.FeedSettings()))
        {
            var result = await host.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Violations, "test", CancellationToken.None);
            Assert.Equal(FeedRunStatus.Succeeded, result.Status);
        }

        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM feed_run WHERE feed = 'violations' AND status = 'failed' AND message LIKE '%abandoned%'"));
    }

    private Process StartIngest(params string[] verb)
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

        foreach (var (key, value) in _city.FeedSettings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Database__ConnectionString"] = _database.ConnectionString;
        // infra/bis exports the sample install's owner string; this process must stay on the test database.
        start.Environment.Remove("Database__OwnerConnectionString");
        start.Environment.Remove("Feeds__ManifestPath");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
