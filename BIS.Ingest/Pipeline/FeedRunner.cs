using System.Diagnostics;
using BIS.Domain.Feeds;
using BIS.Ingest.Feeds;
using BIS.Ingest.HazardIndex;
using BIS.Ingest.Ledger;
using BIS.Ingest.Linkage;
using BIS.Ingest.Merge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// Runs one feed end to end: snapshot the input → stage by binary COPY → sanity gates → link to
/// buildings → merge → rebuild the touched buildings' index rows → NOTIFY, all in one transaction, with
/// a ledger row for every run whatever its outcome. Nothing is lost and nothing is half-applied: a
/// refusal, an error, a cancellation or a killed process leaves the index exactly as it was.
/// </summary>
public sealed class FeedRunner(
    NpgsqlDataSource dataSource,
    IEnumerable<IFeedReader> readers,
    IOptionsMonitor<FeedsOptions> feedsOptions,
    IOptions<IngestOptions> ingestOptions,
    InputFetcher fetcher,
    FeedLedger ledger,
    HazardIndexBuilder indexBuilder,
    ILogger<FeedRunner> logger)
{
    public const string NotifyChannel = "bis_buildings_changed";

    public async Task<FeedRunResult> RunAsync(FeedKind feed, string trigger, CancellationToken cancellationToken, bool force = false)
    {
        var slug = feed.Slug();
        var options = feedsOptions.CurrentValue;
        if (!options.Sources.TryGetValue(slug, out var source))
        {
            throw new InvalidOperationException($"Feed '{slug}' is not configured (section {FeedsOptions.Section}:Sources:{slug}).");
        }

        var reader = readers.SingleOrDefault(r => r.Feed == feed)
            ?? throw new InvalidOperationException($"No reader is registered for feed '{slug}'.");

        var stopwatch = Stopwatch.StartNew();
        var runId = await ledger.StartAsync(slug, trigger, cancellationToken);
        var rejected = new List<RejectedRow>();
        var phases = new RunPhases(ledger, runId);
        // What the run has counted so far, so a refused or failed run still reports its rows.
        var progress = new RunProgress(new FeedRunResult { RunId = runId, Feed = slug, Status = FeedRunStatus.Running });
        FeedRunResult result;
        try
        {
            result = await RunCoreAsync(feed, runId, reader, source, options, rejected, phases, progress, force, cancellationToken);
        }
        catch (FeedRefusedException ex)
        {
            result = progress.Current with { Status = FeedRunStatus.Refused, Message = ex.Message };
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            result = progress.Current with { Status = FeedRunStatus.Cancelled, Message = "Cancelled; the index was left as it was." };
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Feed {Feed} run {RunId} failed", slug, runId);
            result = progress.Current with { Status = FeedRunStatus.Failed, Message = $"{ex.GetType().Name}: {ex.Message}" };
        }

        phases.Close();
        result = result with { RowsRejected = Math.Max(result.RowsRejected, rejected.Count), Elapsed = stopwatch.Elapsed, PhaseSeconds = phases.Seconds };
        await ledger.SaveRejectedAsync(runId, rejected);
        await ledger.FinishAsync(result);
        logger.LogInformation(
            "Feed {Feed} run {RunId}: {Status} in {Elapsed} — read {Read}, accepted {Accepted}, rejected {Rejected}, matched {Matched}, unmatched {Unmatched}, buildings changed {Changed}. {Message} Phases: {Phases}",
            slug, runId, result.Status, stopwatch.Elapsed, result.RowsRead, result.RowsAccepted, result.RowsRejected,
            result.RowsMatched, result.RowsUnmatched, result.BuildingsChanged, result.Message, result.DescribePhases());
        return result;
    }

    private async Task<FeedRunResult> RunCoreAsync(
        FeedKind feed, long runId, IFeedReader reader, FeedSourceOptions source, FeedsOptions options,
        List<RejectedRow> rejected, RunPhases phases, RunProgress progress, bool force, CancellationToken cancellationToken)
    {
        var slug = feed.Slug();
        var result = progress.Current;
        if (await ledger.IsPausedAsync(slug, cancellationToken))
        {
            return result with { Status = FeedRunStatus.Refused, Message = "The feed is paused by a data steward." };
        }

        await phases.EnterAsync("fetching", cancellationToken);
        using var fetched = await fetcher.FetchAsync(source, options.BaseDirectory!, cancellationToken);
        result = progress.Current = result with { InputChecksum = fetched.Checksum };

        var lastGood = await ledger.LastGoodAsync(slug, cancellationToken);
        if (!force && lastGood?.Checksum == fetched.Checksum)
        {
            return result with { Status = FeedRunStatus.Unchanged, Message = $"Input identical to run {lastGood.Value.RunId}." };
        }

        return await LoadAsync(feed, runId, reader, source, fetched.Input, lastGood?.Accepted ?? 0, rejected, phases, progress, cancellationToken);
    }

    private async Task<FeedRunResult> LoadAsync(
        FeedKind feed, long runId, IFeedReader reader, FeedSourceOptions source, FeedInput input, long lastAccepted,
        List<RejectedRow> rejected, RunPhases phases, RunProgress progress, CancellationToken cancellationToken)
    {
        var result = progress.Current;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await FeedRunLock.AcquireAsync(connection, feed, cancellationToken);
        await ledger.MarkAbandonedAsync(feed.Slug(), runId, cancellationToken);

        await phases.EnterAsync("reading", cancellationToken);
        var items = reader.Read(input, cancellationToken);
        if (items is not ICollection<ReadItem>)
        {
            items = items.ToList();
        }

        await phases.EnterAsync("staging", cancellationToken);
        var known = StagingTable.IsBuildingLinked(feed) ? await KnownRecords.LoadAsync(connection, feed, cancellationToken) : KnownRecords.None;
        var counts = StagingTable.Fill(connection, items, rejected, known, cancellationToken);
        var superseded = await StagingDeduplication.RemoveSupersededAsync(connection, rejected, cancellationToken);
        var accepted = counts.Accepted - superseded;
        result = progress.Current = result with { RowsRead = counts.Read, RowsAccepted = accepted, RowsRejected = rejected.Count };

        SanityGates.Check(accepted, counts.Read, lastAccepted, source.MaxRowDropShare);

        if (StagingTable.IsBuildingLinked(feed))
        {
            await phases.EnterAsync("linking", cancellationToken);
            var linked = await EntityResolver.ResolveAsync(connection, ingestOptions.Value.NearestBuildingToleranceMeters, cancellationToken);
            result = progress.Current = result with { RowsMatched = linked.Matched, RowsUnmatched = linked.Unmatched };
        }
        else
        {
            result = result with { RowsMatched = accepted };
        }

        await phases.EnterAsync("merging", cancellationToken);
        var changedRecords = await FeedMerger.MergeAsync(connection, feed, runId, indexBuilder.HydrantSearchRadiusMeters, cancellationToken);
        if (feed == FeedKind.Assessing && changedRecords > 0)
        {
            await phases.EnterAsync("relinking", cancellationToken);
            await Relinker.RelinkUnmatchedAsync(connection, ingestOptions.Value.NearestBuildingToleranceMeters, cancellationToken);
        }

        await phases.EnterAsync("indexing", cancellationToken);
        var changedBuildings = await indexBuilder.RebuildAsync(connection, runId, cancellationToken);
        await ChangeNotification.SendAsync(connection, NotifyChannel, runId, feed.Slug(), changedBuildings, changedRecords, cancellationToken);

        await phases.EnterAsync("committing", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return result with
        {
            Status = changedRecords == 0 ? FeedRunStatus.Unchanged : FeedRunStatus.Succeeded,
            BuildingsChanged = changedBuildings.Count,
            Message = changedRecords == 0 ? "No record changed." : $"{changedRecords} records changed.",
        };
    }

    /// <summary>The latest counts of a run in progress.</summary>
    private sealed class RunProgress(FeedRunResult start)
    {
        public FeedRunResult Current { get; set; } = start;
    }
}
