using BIS.Ingest.Feeds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// At start, deletes the input snapshots of runs whose process was killed (<see cref="RunDirectory"/>): a
/// run deletes its own when it ends, a killed one cannot. Directories of runs still going in other
/// processes sharing the same path are kept.
/// </summary>
public sealed class LeftoverInputsCleanup(IOptions<IngestOptions> options, TimeProvider time, ILogger<LeftoverInputsCleanup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var root = RunDirectory.RootFor(options.Value);
        var removed = RunDirectory.RemoveLeftovers(root, time.GetUtcNow(), logger);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} input snapshots of runs that were killed, under {Root}", removed, root);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
