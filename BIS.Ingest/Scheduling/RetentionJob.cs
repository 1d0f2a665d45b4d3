using BIS.Ingest.Retention;
using Quartz;

namespace BIS.Ingest.Scheduling;

/// <summary>Prunes the ledger, rejected rows, change lists and audit log (<see cref="RetentionPruner"/>) nightly. Never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionPruner pruner) : IJob
{
    public static readonly JobKey Key = new("retention", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await pruner.PruneAsync(cancellationToken);
}
