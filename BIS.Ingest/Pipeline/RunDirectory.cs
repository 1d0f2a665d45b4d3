using BIS.Ingest.Feeds;
using Microsoft.Extensions.Logging;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// The private directory a run snapshots its inputs into (<c>bis-run-&lt;guid&gt;</c> under
/// Ingest:WorkDirectory or the temp path). The run holds an exclusive lock on the <c>.lock</c> file inside
/// for as long as it lives; the operating system lets go of it when the process ends, killed or not. So a
/// directory whose lock can be taken belongs to no live run, whichever process made it, and
/// <see cref="RemoveLeftovers"/> can delete it while other processes share the same temp path.
/// </summary>
public sealed class RunDirectory : IDisposable
{
    public const string Prefix = "bis-run-";
    public const string LockFileName = ".lock";

    /// <summary>
    /// A directory without a lock file was made by a build before locks, or is being created right now:
    /// only one older than this is taken as left over. No run lasts a day.
    /// </summary>
    public static readonly TimeSpan UnlockedAge = TimeSpan.FromDays(1);

    private readonly FileStream _lock;

    private RunDirectory(string fullName, FileStream held)
    {
        FullName = fullName;
        _lock = held;
    }

    public string FullName { get; }

    public static string RootFor(IngestOptions options) => options.WorkDirectory is { Length: > 0 } configured ? configured : Path.GetTempPath();

    public static RunDirectory Create(string root)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, Prefix + Guid.NewGuid().ToString("N")));
        try
        {
            // FileShare.None: an exclusive lock (flock on Linux) held until Dispose or the process's end.
            return new RunDirectory(directory.FullName, new FileStream(Path.Combine(directory.FullName, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Deletes the run's snapshot; a directory left behind is harmless and removed at the next start.</summary>
    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
            // The run's outcome must not depend on cleaning up.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Deletes the run directories under <paramref name="root"/> that no live run holds; returns how many.</summary>
    public static int RemoveLeftovers(string root, DateTimeOffset now, ILogger logger)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var directory in new DirectoryInfo(root).EnumerateDirectories(Prefix + "*"))
        {
            try
            {
                if (!IsLeftOver(directory, now))
                {
                    continue;
                }

                directory.Delete(recursive: true);
                removed++;
                logger.LogInformation("Removed {Directory}, the input snapshot of a run that no longer runs", directory.FullName);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another process's, or already gone: never worth failing a start for.
                logger.LogDebug(exception, "Left {Directory} in place", directory.FullName);
            }
        }

        return removed;
    }

    private static bool IsLeftOver(DirectoryInfo directory, DateTimeOffset now)
    {
        var lockFile = Path.Combine(directory.FullName, LockFileName);
        if (!File.Exists(lockFile))
        {
            return now - directory.LastWriteTimeUtc > UnlockedAge;
        }

        try
        {
            // Taken only when no process holds it. Released before deleting: a live run never reopens it.
            using var taken = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
