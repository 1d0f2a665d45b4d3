using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BIS.Domain.Hazards;
using BIS.Ingest.Database;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.HazardIndex;

/// <summary>
/// Re-evaluates every building's index row with the rules as they are now, in one transaction. A feed
/// run only re-evaluates the buildings it touched, so without this a building nobody's feed touches
/// would keep a flag that has since lapsed (a demolition permit that expired, a fire that is now older
/// than the look-back) or that a department's new threshold no longer raises (or now raises). Only rows
/// whose content changed are written and announced. It has a ledger row like a feed run, under
/// <see cref="LedgerName"/>, whose checksum is the <see cref="RulesFingerprint"/> it applied.
/// </summary>
public sealed class HazardIndexRefresh(
    [FromKeyedServices(BisDataSource.OwnerKey)] NpgsqlDataSource dataSource, FeedLedger ledger, HazardIndexBuilder indexBuilder, IOptions<HazardRuleOptions> rules,
    DatabaseRetry retry, ILogger<HazardIndexRefresh> logger)
{
    public const string LedgerName = "hazard-rules";

    /// <summary>
    /// What the rules' output depends on besides the data: the configured thresholds and the code of the
    /// rules. A new build or an edited threshold changes it.
    /// </summary>
    public string RulesFingerprint { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(rules.Value) + "|" + typeof(HazardRules).Assembly.ManifestModule.ModuleVersionId)))[..32];

    /// <summary>Runs <see cref="RunAsync"/> when the rules changed since the last refresh; null when they did not.</summary>
    public async Task<FeedRunResult?> RunIfRulesChangedAsync(string trigger, CancellationToken cancellationToken)
    {
        var last = await ledger.LastGoodAsync(LedgerName, cancellationToken);
        return last?.Checksum == RulesFingerprint ? null : await RunAsync(trigger, cancellationToken);
    }

    public async Task<FeedRunResult> RunAsync(string trigger, CancellationToken cancellationToken)
    {
        var runId = await ledger.StartAsync(LedgerName, trigger, cancellationToken);
        var clock = Stopwatch.StartNew();
        var result = new FeedRunResult { RunId = runId, Feed = LedgerName, Status = FeedRunStatus.Failed, InputChecksum = RulesFingerprint };
        try
        {
            var changed = await RebuildAllAsync(runId, cancellationToken);
            result = result with
            {
                Status = changed == 0 ? FeedRunStatus.Unchanged : FeedRunStatus.Succeeded,
                BuildingsChanged = changed,
                Message = changed == 0 ? "Every building's flags were as the rules say." : $"{changed} buildings' flags changed.",
            };
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            result = result with { Status = FeedRunStatus.Cancelled, Message = "Cancelled; the index was left as it was." };
        }
        catch (Exception ex)
        {
            // Logged and in the ledger; the next night (or start) tries again.
            logger.LogError(ex, "Re-evaluating the hazard index failed");
            result = result with { Message = $"{ex.GetType().Name}: {ex.Message}" };
        }

        result = result with
        {
            Elapsed = clock.Elapsed,
            PhaseSeconds = new Dictionary<string, double> { ["indexing"] = clock.Elapsed.TotalSeconds },
        };
        await ledger.FinishAsync(result);
        logger.LogInformation("Hazard index re-evaluated ({Trigger}): {Status}, {Changed} buildings changed in {Elapsed}", trigger, result.Status, result.BuildingsChanged, result.Elapsed);
        return result;
    }

    private async Task<long> RebuildAllAsync(long runId, CancellationToken cancellationToken)
    {
        await using var load = await LoadTransaction.StartAsync(dataSource, retry, cancellationToken);
        var connection = load.Connection;
        await using (var everyBuilding = new NpgsqlCommand("INSERT INTO touched SELECT building_id FROM building; ANALYZE touched", connection) { CommandTimeout = 0 })
        {
            await everyBuilding.ExecuteNonQueryAsync(cancellationToken);
        }

        var changed = await indexBuilder.RebuildAsync(connection, runId, cancellationToken);
        await ChangeNotification.SendAsync(connection, FeedRunner.NotifyChannel, runId, LedgerName, changed, 0, cancellationToken);
        await load.Transaction.CommitAsync(cancellationToken);
        return changed.Count;
    }
}
