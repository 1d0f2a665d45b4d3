using BIS.Ingest.HazardIndex;
using Quartz;

namespace BIS.Ingest.Scheduling;

/// <summary>
/// Re-evaluates every building's index row (<see cref="HazardIndexRefresh"/>): nightly by cron, and once
/// when the scheduler starts, then only if the rules changed since the last time (an edited threshold,
/// a new build). Never two at once, on one node or many.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IndexRefreshJob(HazardIndexRefresh refresh) : IJob
{
    public const string OnlyIfRulesChangedKey = "onlyIfRulesChanged";

    public static readonly JobKey Key = new(HazardIndexRefresh.LedgerName, "index");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // As text, like FeedJob's flags: a clustered job store keeps job data as strings.
        var onlyIfChanged = context.MergedJobDataMap.TryGetValue(OnlyIfRulesChangedKey, out var value) && bool.TryParse(value?.ToString(), out var only) && only;
        context.Result = onlyIfChanged
            ? await refresh.RunIfRulesChangedAsync("rules changed", cancellationToken)
            : await refresh.RunAsync("schedule", cancellationToken);
    }
}
