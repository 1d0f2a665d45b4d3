using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// A run killed with its input snapshot on disk leaves it behind; the next process to start deletes it,
/// but never the snapshot of a run still going in another process that shares the directory.
/// </summary>
public sealed class LeftoverInputsTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("bis-work-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    public void Dispose()
    {
        _city.Dispose();
        Directory.Delete(_workDirectory, recursive: true);
    }

    [Fact]
    public async Task A_killed_runs_snapshot_is_deleted_at_the_next_start_and_a_live_runs_is_kept()
    {
        using (var host = Host())
        {
            var runner = host.Services.GetRequiredService<FeedRunner>();
            Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None)).Status);
            Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None)).Status);
        }

        Assert.Empty(Directory.GetDirectories(_workDirectory));
        _city.WriteViolations(MiniCity.ViolationRow("V1", "Closed", "Unsafe and Dangerous", "302", "Sumner", "ST"));

        // The run stops at its merge into feed_record, its input snapshot on disk, in another process.
        await using var merge = await LockWait.HoldTableAsync(_database, "feed_record");
        using var process = IngestProcess.Start(_database, _city, new Dictionary<string, string?> { ["Ingest:WorkDirectory"] = _workDirectory }, "run", "violations");
        string snapshot;
        try
        {
            await LockWait.UntilSomeoneWaitsAsync(_database, TimeSpan.FromSeconds(60));
            snapshot = Assert.Single(Directory.GetDirectories(_workDirectory, RunDirectory.Prefix + "*"));

            // A second node starting now shares the directory: the run is alive, its snapshot stays.
            await StartAndStopAsync();
            Assert.True(Directory.Exists(snapshot), "A live run's snapshot was deleted by another process's start.");

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

        Assert.True(Directory.Exists(snapshot), "A killed run cannot delete its snapshot.");
        await StartAndStopAsync();
        Assert.False(Directory.Exists(snapshot), "The killed run's snapshot was not deleted at start.");
    }

    [Fact]
    public void Without_a_lock_file_only_a_directory_older_than_a_day_is_deleted_and_other_directories_never()
    {
        var now = DateTimeOffset.UtcNow;
        var old = Directory.CreateDirectory(Path.Combine(_workDirectory, RunDirectory.Prefix + "old"));
        old.LastWriteTimeUtc = now.UtcDateTime.AddDays(-2);
        var young = Directory.CreateDirectory(Path.Combine(_workDirectory, RunDirectory.Prefix + "young"));
        var dead = Directory.CreateDirectory(Path.Combine(_workDirectory, RunDirectory.Prefix + "dead"));
        File.WriteAllText(Path.Combine(dead.FullName, RunDirectory.LockFileName), string.Empty);
        var notOurs = Directory.CreateDirectory(Path.Combine(_workDirectory, "bis-minicity-kept"));
        notOurs.LastWriteTimeUtc = now.UtcDateTime.AddDays(-30);
        var live = RunDirectory.Create(_workDirectory);

        Assert.Equal(2, RunDirectory.RemoveLeftovers(_workDirectory, now, NullLogger.Instance));

        Assert.False(Directory.Exists(old.FullName));
        Assert.False(Directory.Exists(dead.FullName));
        Assert.True(Directory.Exists(young.FullName));
        Assert.True(Directory.Exists(live.FullName), "A run's directory held in this process was deleted.");
        Assert.True(Directory.Exists(notOurs.FullName));
        live.Dispose();
        Assert.False(Directory.Exists(live.FullName), "A run's directory outlived the run.");
    }

    private IHost Host() => IngestHost.Build(_database.ConnectionString, null, new Dictionary<string, string?>(_city.FeedSettings())
    {
        ["Ingest:WorkDirectory"] = _workDirectory,
    });

    /// <summary>Starts and stops a host as a node would at start: its hosted services run once.</summary>
    private async Task StartAndStopAsync()
    {
        using var host = Host();
        await host.StartAsync();
        await host.StopAsync();
    }
}
