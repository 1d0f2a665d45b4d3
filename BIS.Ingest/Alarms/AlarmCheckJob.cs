using Quartz;

namespace BIS.Ingest.Alarms;

/// <summary>Checks every feed for alarms on a cron, so a feed that stops running still goes stale on the board.</summary>
[DisallowConcurrentExecution]
public sealed class AlarmCheckJob(AlarmEvaluator evaluator) : IJob
{
    public static readonly JobKey Key = new("feed-alarms", "alarms");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await evaluator.EvaluateAsync(cancellationToken);
}
