using BIS.Domain.Feeds;
using BIS.Domain.Geo;
using BIS.Ingest.Database;
using BIS.Ingest.Feeds;
using BIS.Ingest.HazardIndex;
using BIS.Ingest.Ledger;
using BIS.Ingest.Linkage;
using BIS.Ingest.ManualLinks;
using BIS.Ingest.Merge;
using BIS.Ingest.Sources.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// Runs feeds end to end: snapshot the input → stage by binary COPY → sanity gates → link to buildings →
/// merge → rebuild the touched buildings' index rows → NOTIFY, all in one transaction, with a ledger row
/// for every run whatever its outcome. Nothing is lost and nothing is half-applied: a refusal, an error,
/// a cancellation or a killed process leaves the index exactly as it was.
/// </summary>
public sealed class FeedRunner(
    [FromKeyedServices(BisDataSource.OwnerKey)] NpgsqlDataSource dataSource,
    IEnumerable<IFeedReader> readers,
    IOptionsMonitor<FeedsOptions> feedsOptions,
    IOptions<IngestOptions> ingestOptions,
    InputFetcher fetcher,
    FeedLedger ledger,
    HazardIndexBuilder indexBuilder,
    CoordinateCleaner coordinates,
    FieldBounds bounds,
    DatabaseRetry retry,
    RunMetrics metrics,
    ILogger<FeedRunner> logger)
{
    public const string NotifyChannel = "bis_buildings_changed";

    /// <summary>
    /// Runs one feed; <paramref name="force"/> loads an input identical to the last good one anyway;
    /// <paramref name="acceptance"/> applies the input of the feed's last run, refused by a judgment gate, on purpose.
    /// </summary>
    public async Task<FeedRunResult> RunAsync(
        FeedKind feed, string trigger, CancellationToken cancellationToken, bool force = false, RunAcceptance? acceptance = null) =>
        (await RunTogetherAsync([feed], trigger, cancellationToken, force, acceptance))[0];

    /// <summary>
    /// Runs several feeds as one load: each in turn into the current tables, then the index rows of
    /// every building any of them touched rebuilt once, one NOTIFY and one commit. A full rebuild so
    /// assesses each building once instead of once per feed. A refused feed is rolled back to where it
    /// started and keeps its last good data while the others load; a failure or a cancellation
    /// leaves everything as it was. Each feed still has its own ledger row.
    /// </summary>
    public async Task<IReadOnlyList<FeedRunResult>> RunTogetherAsync(
        IReadOnlyList<FeedKind> feeds, string trigger, CancellationToken cancellationToken, bool force = false, RunAcceptance? acceptance = null)
    {
        if (acceptance is not null && feeds.Distinct().Count() != 1)
        {
            throw new ArgumentException("A refused run is accepted for one feed at a time.", nameof(feeds));
        }

        var options = feedsOptions.CurrentValue;
        // Always in load order, whatever order they were given in: assessing makes the buildings the others link to.
        var plans = feeds.Distinct().OrderBy(feed => FeedLoadOrder.IndexOf(feed))
            .Select(feed => new FeedPlan(feed, ReaderOf(feed), SourceOf(feed, options))).ToList();
        var runs = new List<FeedRun>();
        try
        {
            await LoadTogetherAsync(plans, runs, trigger, options, force, acceptance, cancellationToken);
        }
        catch (Exception) when (runs.Count == 0)
        {
            // Ended before any run started (no database, say): no ledger row to finish, and the caller must hear why.
            throw;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            ConcludeOpen(runs, FeedRunStatus.Cancelled, "Cancelled; the index was left as it was.");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Load of {Feeds} failed", string.Join(", ", plans.Select(p => p.Feed.Slug())));
            // Runs not started yet have no ledger row, and nothing to report.
            ConcludeOpen(runs, FeedRunStatus.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }

        var results = new List<FeedRunResult>();
        foreach (var run in runs)
        {
            results.Add(await FinishAsync(run));
        }

        return results;
    }

    /// <summary>Starts each plan's run in turn (adding it to <paramref name="runs"/>) and loads them in one transaction.</summary>
    private async Task LoadTogetherAsync(
        List<FeedPlan> plans, List<FeedRun> runs, string trigger, FeedsOptions options, bool force, RunAcceptance? acceptance,
        CancellationToken cancellationToken)
    {
        // Every feed adds the buildings it touched; the index is rebuilt for all of them at the end.
        await using var load = await LoadTransaction.StartAsync(dataSource, retry, cancellationToken);
        var connection = load.Connection;
        // A first load of the linked feeds indexes their records once, after the last of them is merged.
        var feedRecordIndexes = plans.Any(p => StagingTable.IsBuildingLinked(p.Feed))
            ? await DeferredIndexes.DeferIfEmptyAsync(connection, "feed_record", cancellationToken)
            : DeferredIndexes.None;

        var loaded = new List<FeedRun>();
        // The next plan, prepared (and being read) while this one loads; null also when its run ended in preparing.
        PreparedFeed? next = null;
        try
        {
            for (var i = 0; i < plans.Count; i++)
            {
                var current = ReadsAhead(plans, i) ? next : await PrepareAsync(connection, plans[i], runs, trigger, options, force, acceptance, readAhead: false, cancellationToken);
                next = null;
                await using var disposeCurrent = current;
                if (i + 1 < plans.Count && ReadsAhead(plans, i + 1))
                {
                    next = await PrepareAsync(connection, plans[i + 1], runs, trigger, options, force, acceptance, readAhead: true, cancellationToken);
                }

                if (current is not null && await LoadInSavepointAsync(connection, current, feedRecordIndexes.IsDeferred, cancellationToken))
                {
                    loaded.Add(current.Run);
                    if (i + 1 < plans.Count)
                    {
                        await current.Run.Phases.EnterAsync("waiting", cancellationToken);
                    }
                }
            }
        }
        finally
        {
            // Only left over when a feed failed the whole load: stop its reader.
            if (next is not null)
            {
                await next.DisposeAsync();
            }
        }

        if (loaded.Count == 0)
        {
            return;
        }

        await EnterAsync(loaded, "indexing", cancellationToken);
        await feedRecordIndexes.RestoreAsync(connection, cancellationToken);
        // The assessing run logged the buildings it removed under its own id; the index adds the rest there.
        var lead = loaded.FirstOrDefault(r => r.Feed == FeedKind.Assessing) ?? loaded[0];
        var changedBuildings = await indexBuilder.RebuildAsync(connection, lead.RunId, cancellationToken);
        var changedRecords = loaded.Sum(r => r.ChangedRecords);
        // Shown on an open hazard card as "(… feed run)".
        var feedNames = string.Join(" + ", loaded.Select(r => r.Feed.Slug()));
        await ChangeNotification.SendAsync(connection, NotifyChannel, lead.RunId, feedNames, changedBuildings, changedRecords, cancellationToken);

        await EnterAsync(loaded, "committing", cancellationToken);
        await load.Transaction.CommitAsync(cancellationToken);

        var together = loaded.Count > 1 ? $" Indexed together with {loaded.Count - 1} other feed{(loaded.Count > 2 ? "s" : string.Empty)}." : string.Empty;
        foreach (var run in loaded)
        {
            var accepted = run.IsAccepted ? $" Applied on purpose by {run.Current.AcceptedBy}, accepting refused run {run.Current.AcceptsRunId}." : string.Empty;
            run.Conclude(
                run.ChangedRecords == 0 ? FeedRunStatus.Unchanged : FeedRunStatus.Succeeded,
                (run.ChangedRecords == 0 ? "No record changed." : $"{run.ChangedRecords} records changed.") + together + accepted,
                changedBuildings.Count);
        }
    }

    /// <summary>
    /// Whether plan <paramref name="index"/> is read while the plan before it loads: every plan but the first,
    /// except a linked feed right after the assessing backbone, whose relinking changes the records that the
    /// linked feed's reading starts from (<see cref="KnownRecords"/>).
    /// </summary>
    private static bool ReadsAhead(List<FeedPlan> plans, int index) =>
        index > 0 && (plans[index - 1].Feed != FeedKind.Assessing || !StagingTable.IsBuildingLinked(plans[index].Feed));

    /// <summary>
    /// Starts a plan's run (adding it to <paramref name="runs"/>), fetches its input and takes the feed's lock for
    /// the rest of the transaction; null when the run ended there (paused, input unchanged, refused).
    /// </summary>
    private async Task<PreparedFeed?> PrepareAsync(
        NpgsqlConnection connection, FeedPlan plan, List<FeedRun> runs, string trigger, FeedsOptions options, bool force, RunAcceptance? acceptance,
        bool readAhead, CancellationToken cancellationToken)
    {
        var run = await FeedRun.StartAsync(plan.Feed, plan.Reader, plan.Source, trigger, ledger, ingestOptions.Value.ProgressInterval, cancellationToken);
        runs.Add(run);
        var slug = run.Feed.Slug();
        if (await ledger.IsPausedAsync(slug, cancellationToken))
        {
            run.Conclude(FeedRunStatus.Refused, "The feed is paused by a data steward.");
            return null;
        }

        await run.Phases.EnterAsync("fetching", cancellationToken);
        FetchedInput? fetched = null;
        try
        {
            var accepting = acceptance is null ? null : await RefusedRunToAcceptAsync(run, cancellationToken);
            fetched = await fetcher.FetchAsync(run.Source, options.BaseDirectory!, cancellationToken);
            var mappingVersion = MappingVersion.Of(run.Reader, coordinates.ServiceArea, bounds);
            run.Current = run.Current with { InputChecksum = fetched.Checksum, MappingVersion = mappingVersion };
            if (accepting is not null)
            {
                // The steward judged what the refused input would do; a different input has not been judged.
                if (accepting.Checksum != fetched.Checksum)
                {
                    throw new FeedRefusedException(
                        $"The input changed since run {accepting.RunId} was refused, so accepting that run would apply data nobody looked at. " +
                        "Run the feed again and read its outcome before accepting.");
                }

                run.Current = run.Current with { AcceptedBy = acceptance!.AcceptedBy, AcceptsRunId = accepting.RunId };
            }

            // The same bytes read by another build (a fixed reader or normalizer) are read again.
            var lastGood = await ledger.LastGoodAsync(slug, cancellationToken);
            if (!force && lastGood is { } same && same.Checksum == fetched.Checksum && same.MappingVersion == mappingVersion)
            {
                run.Conclude(FeedRunStatus.Unchanged, $"Input identical to run {same.RunId}.");
                fetched.Dispose();
                return null;
            }

            // Taken outside any savepoint, so that rolling back an earlier feed's savepoint cannot release it.
            await FeedRunLock.AcquireAsync(connection, run.Feed, cancellationToken);
            await ledger.MarkAbandonedAsync(slug, run.RunId, cancellationToken);

            await run.Phases.EnterAsync("reading", cancellationToken);
            var known = StagingTable.IsBuildingLinked(run.Feed)
                ? await KnownRecords.LoadAsync(connection, run.Feed, mappingVersion, keepsLinks: lastGood?.MappingVersion == mappingVersion, cancellationToken)
                : KnownRecords.None;
            var lastAccepted = lastGood?.Accepted ?? 0;
            return readAhead
                ? PreparedFeed.ReadingAhead(run, fetched, lastAccepted, known, cancellationToken)
                : PreparedFeed.Streaming(run, fetched, lastAccepted, known, cancellationToken);
        }
        catch (FeedRefusedException ex)
        {
            fetched?.Dispose();
            run.Refuse(ex);
            return null;
        }
        catch
        {
            fetched?.Dispose();
            throw;
        }
    }

    /// <summary>Loads a prepared feed inside a savepoint; a refusal rolls it back to where it started and returns false.</summary>
    private async Task<bool> LoadInSavepointAsync(NpgsqlConnection connection, PreparedFeed prepared, bool recordStatisticsLater, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SAVEPOINT feed_load", cancellationToken);
        try
        {
            await LoadAsync(connection, prepared, recordStatisticsLater, cancellationToken);
            await ExecuteAsync(connection, "RELEASE SAVEPOINT feed_load", cancellationToken);
            return true;
        }
        catch (FeedRefusedException ex)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT feed_load", cancellationToken);
            prepared.Run.Refuse(ex);
            return false;
        }
    }

    /// <param name="recordStatisticsLater">feed_record's indexes were deferred: its statistics are taken once, when they are restored.</param>
    private async Task LoadAsync(NpgsqlConnection connection, PreparedFeed prepared, bool recordStatisticsLater, CancellationToken cancellationToken)
    {
        var (run, known) = (prepared.Run, prepared.Known);
        var (feed, phases) = (run.Feed, run.Phases);
        var linkedFeed = StagingTable.IsBuildingLinked(feed);
        var items = await prepared.ItemsAsync();
        if (prepared.IsReadAhead)
        {
            await phases.EnterAsync("staging", cancellationToken);
            // Read already: the board's rows so far now count the rows staged.
            items = run.Progress.Counting(items);
        }

        // A feed loaded earlier in the same transaction left its stage tables behind.
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS stage, stage_gone, stage_rejected", cancellationToken);
        // Streamed rows go into COPY as the reader yields them: the server stores one buffer while this thread
        // parses the next, and the input is never held in memory twice. A reader that refuses its input
        // part way (a required column missing) aborts the COPY, and the savepoint undoes the rest.
        var counts = StagingTable.Fill(connection, items, run.Rejected, cancellationToken);

        if (!prepared.IsReadAhead)
        {
            await phases.EnterAsync("staging", cancellationToken);
        }

        await StagingTable.IndexAsync(connection, cancellationToken);
        var superseded = await StagingDeduplication.RemoveSupersededAsync(connection, run.Rejected, cancellationToken);
        var accepted = counts.Accepted - superseded;
        var warned = await StagingTable.CountWarnedAsync(connection, counts, cancellationToken);
        run.Current = run.Current with { RowsRead = counts.Read, RowsAccepted = accepted, RowsRejected = run.Rejected.Count, RowsWarned = warned };

        SanityGates.Check(accepted, counts.Read, prepared.LastAccepted, run.Source.MaxRowDropShare, overruled: run.IsAccepted);

        if (linkedFeed)
        {
            var gone = known.IdsMissingFrom(counts.NamedIds).ToList();
            CheckDeletions(run, PendingDeletions.OfLinkedFeed(known, gone));
            await StagingTable.StageGoneAsync(connection, gone, cancellationToken);
            await phases.EnterAsync("linking", cancellationToken);
            if (!known.IsEmpty && known.KeepsLinks)
            {
                await KnownRecords.MarkUnchangedAsync(connection, feed, cancellationToken);
            }

            // A steward's choice stands over the ladder, and over a new build's relinking, until its source row changes.
            var linked = await ManualChoices.ResolveAroundAsync(connection, feed, run.RunId, sameMapping: known.KeepsLinks,
                ct => EntityResolver.ResolveAsync(connection, ingestOptions.Value.NearestBuildingToleranceMeters, ct), cancellationToken);
            // Kept rows are linked records by definition: they were kept because they were.
            run.Current = run.Current with { RowsMatched = linked.Matched + counts.Kept, RowsUnmatched = linked.Unmatched, RowsKept = counts.Kept };
        }
        else
        {
            await StagingTable.StageRejectedIdsAsync(connection, counts.RejectedIds, cancellationToken);
            CheckDeletions(run, await PendingDeletions.OfBackboneFeedAsync(connection, feed, cancellationToken));
            run.Current = run.Current with { RowsMatched = accepted };
        }

        await phases.EnterAsync("merging", cancellationToken);
        run.ChangedRecords = await FeedMerger.MergeAsync(
            connection, feed, run.RunId, indexBuilder.HydrantSearchRadiusMeters, cancellationToken,
            hasCurrentRecords: !linkedFeed || !known.IsEmpty, recordStatisticsLater: recordStatisticsLater);
        if (feed == FeedKind.Assessing && run.ChangedRecords > 0)
        {
            await phases.EnterAsync("relinking", cancellationToken);
            await Relinker.RelinkUnmatchedAsync(connection, ingestOptions.Value.NearestBuildingToleranceMeters, cancellationToken);
        }
    }

    private static void CheckDeletions(FeedRun run, (long Live, long Gone) pending) =>
        SanityGates.CheckDeletions(run.Feed.Slug(), pending.Live, pending.Gone, run.Source.MaxDeleteShare, run.Source.DeletionGrace, overruled: run.IsAccepted);

    /// <summary>The feed's last finished run, which a steward accepting must mean: refused by a gate they may overrule.</summary>
    private async Task<FinishedRun> RefusedRunToAcceptAsync(FeedRun run, CancellationToken cancellationToken)
    {
        var last = await ledger.LastFinishedAsync(run.Feed.Slug(), run.RunId, cancellationToken);
        if (last is { Status: FeedRunStatus.Refused, RefusedGate: not null })
        {
            return last;
        }

        throw new FeedRefusedException(last is null
            ? $"Nothing to accept: {run.Feed.Slug()} has no earlier run."
            : $"Nothing to accept: the last run of {run.Feed.Slug()} (run {last.RunId}, {last.Status.ToDb()}) was not held by a gate a steward may overrule" +
              (last.Status == FeedRunStatus.Refused ? $" ({last.Message})." : "."));
    }

    private async Task<FeedRunResult> FinishAsync(FeedRun run)
    {
        await run.Progress.DisposeAsync();
        var result = run.Finish();
        metrics.Record(result);
        await ledger.SaveRejectedAsync(result.RunId, run.Rejected);
        await ledger.FinishAsync(result);
        logger.LogInformation(
            "Feed {Feed} run {RunId}: {Status} in {Elapsed} — read {Read}, accepted {Accepted} ({Warned} with warnings), rejected {Rejected}, matched {Matched}, unmatched {Unmatched}, kept unchanged {Kept}, buildings changed {Changed}. {Message} Phases: {Phases}",
            result.Feed, result.RunId, result.Status, result.Elapsed, result.RowsRead, result.RowsAccepted, result.RowsWarned, result.RowsRejected,
            result.RowsMatched, result.RowsUnmatched, result.RowsKept, result.BuildingsChanged, result.Message, result.DescribePhases());
        return result;
    }

    private sealed record FeedPlan(FeedKind Feed, IFeedReader Reader, FeedSourceOptions Source);

    private IFeedReader ReaderOf(FeedKind feed) =>
        readers.SingleOrDefault(r => r.Feed == feed) ?? throw new InvalidOperationException($"No reader is registered for feed '{feed.Slug()}'.");

    private static FeedSourceOptions SourceOf(FeedKind feed, FeedsOptions options) =>
        options.Sources.TryGetValue(feed.Slug(), out var source)
            ? source
            : throw new InvalidOperationException($"Feed '{feed.Slug()}' is not configured (section {FeedsOptions.Section}:Sources:{feed.Slug()}).");

    private static void ConcludeOpen(IEnumerable<FeedRun> runs, FeedRunStatus status, string message)
    {
        foreach (var run in runs.Where(r => r.IsOpen))
        {
            run.Conclude(status, message);
        }
    }

    private static async Task EnterAsync(IEnumerable<FeedRun> runs, string phase, CancellationToken cancellationToken)
    {
        foreach (var run in runs)
        {
            await run.Phases.EnterAsync(phase, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
