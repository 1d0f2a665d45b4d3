using System.Diagnostics;
using BIS.Domain.Feeds;
using BIS.Ingest.Database;
using BIS.Ingest.HazardIndex;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BIS.Ingest.ManualLinks;

/// <summary>A steward's choice for one record: a building, or none ("leave it unmatched").</summary>
/// <param name="Audit">Writes the audit row on the given connection, inside the choice's transaction.</param>
public sealed record ManualLinkRequest(
    FeedKind Feed, string RecordId, long? BuildingId, string ChosenBy, string? Note,
    Func<NpgsqlConnection, ManualLinkChange, CancellationToken, Task> Audit);

/// <summary>What a choice changed: the record's building before and after, and the buildings announced.</summary>
public sealed record ManualLinkChange(string Feed, string RecordId, long? OldBuildingId, long? NewBuildingId, long LinkId, IReadOnlyList<long> Announced);

public enum ManualLinkStatus { Applied, UnknownRecord, UnknownBuilding, FeedLoading }

public sealed record ManualLinkOutcome(ManualLinkStatus Status, ManualLinkChange? Change = null, string? Message = null);

/// <summary>
/// Applies a steward's choice at once, in one transaction: the choice is recorded (the one it replaces kept in the
/// history), the record's building set, the index rows of the old and the new building rebuilt, the audit row
/// written, and <c>NOTIFY bis_buildings_changed</c> sent with both ids, so that open consoles and tablets update.
/// Runs as the owner (feed tables are the feed loads' to write) and holds the feed's run lock (<see cref="FeedRunLock"/>),
/// so that a choice never lands in the middle of a run of that feed, whose merge would then overwrite it unseen.
/// Every later run honours the choice (<see cref="ManualChoices"/>) until the record's source row changes.
/// </summary>
public sealed class ManualLinker(
    [FromKeyedServices(BisDataSource.OwnerKey)] NpgsqlDataSource dataSource, FeedLedger ledger, HazardIndexBuilder indexBuilder, DatabaseRetry retry)
{
    /// <summary>The ledger name of the index rebuilds a choice causes (index rows changed are logged against a run).</summary>
    public const string LedgerName = "manual-link";

    public const int MaxNoteLength = 500;

    public async Task<ManualLinkOutcome> ApplyAsync(ManualLinkRequest request, CancellationToken cancellationToken)
    {
        var slug = request.Feed.Slug();
        await using var load = await LoadTransaction.StartAsync(dataSource, retry, cancellationToken);
        var connection = load.Connection;
        try
        {
            await FeedRunLock.AcquireAsync(connection, request.Feed, cancellationToken);
        }
        catch (FeedRefusedException)
        {
            return new ManualLinkOutcome(ManualLinkStatus.FeedLoading,
                Message: $"A run of {slug} is loading right now; the link was not changed. Try again when the run has finished.");
        }

        var current = await CurrentAsync(connection, slug, request.RecordId, cancellationToken);
        if (current is null)
        {
            return new ManualLinkOutcome(ManualLinkStatus.UnknownRecord, Message: $"{slug} has no record '{request.RecordId}'.");
        }

        if (request.BuildingId is { } buildingId && !await BuildingExistsAsync(connection, buildingId, cancellationToken))
        {
            return new ManualLinkOutcome(ManualLinkStatus.UnknownBuilding, Message: $"There is no building {buildingId}.");
        }

        var clock = Stopwatch.StartNew();
        var runId = await ledger.StartAsync(LedgerName, $"{request.ChosenBy}: {slug} {request.RecordId}", cancellationToken);
        try
        {
            var linkId = await RecordChoiceAsync(connection, request, current.Value.BuildingId, cancellationToken);
            var changed = await indexBuilder.RebuildAsync(connection, runId, cancellationToken);
            long?[] ends = [current.Value.BuildingId, request.BuildingId];
            var announced = ends.OfType<long>().Concat(changed).Distinct().Order().ToList();
            var change = new ManualLinkChange(slug, request.RecordId, current.Value.BuildingId, request.BuildingId, linkId, announced);
            await request.Audit(connection, change, cancellationToken);
            await ChangeNotification.SendAsync(connection, FeedRunner.NotifyChannel, runId, slug, announced, changedRecords: 1, cancellationToken);
            await load.Transaction.CommitAsync(cancellationToken);
            await FinishAsync(runId, FeedRunStatus.Succeeded, clock, changed.Count,
                $"{request.ChosenBy} {(request.BuildingId is { } b ? $"linked {slug} {request.RecordId} to building {b}" : $"left {slug} {request.RecordId} unmatched")}.");
            return new ManualLinkOutcome(ManualLinkStatus.Applied, change);
        }
        catch (Exception ex)
        {
            await FinishAsync(runId, FeedRunStatus.Failed, clock, 0, $"{ex.GetType().Name}: {ex.Message}");
            throw;
        }
    }

    private async Task FinishAsync(long runId, FeedRunStatus status, Stopwatch clock, long buildings, string message) =>
        await ledger.FinishAsync(new FeedRunResult
        {
            RunId = runId,
            Feed = LedgerName,
            Status = status,
            BuildingsChanged = buildings,
            Message = message,
            Elapsed = clock.Elapsed,
            PhaseSeconds = new Dictionary<string, double> { ["indexing"] = clock.Elapsed.TotalSeconds },
        });

    private static async Task<(long? BuildingId, string Method)?> CurrentAsync(NpgsqlConnection connection, string feed, string recordId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT building_id, match_method FROM feed_record WHERE feed = @feed AND record_id = @record FOR UPDATE", connection);
        command.Parameters.AddWithValue("feed", feed);
        command.Parameters.AddWithValue("record", recordId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetString(1))
            : null;
    }

    private static async Task<bool> BuildingExistsAsync(NpgsqlConnection connection, long buildingId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM building WHERE building_id = @id)", connection);
        command.Parameters.AddWithValue("id", buildingId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Replaces the choice in force (kept as history), records the new one, sets the record, and marks both buildings for the index.</summary>
    private static async Task<long> RecordChoiceAsync(NpgsqlConnection connection, ManualLinkRequest request, long? oldBuilding, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("UPDATE manual_link SET replaced_at = now() WHERE feed = $1 AND record_id = $2 AND lapsed_at IS NULL AND replaced_at IS NULL"),
                new("""
                    INSERT INTO manual_link (feed, record_id, building_id, previous_building_id, previous_method, row_fingerprint, content_hash, chosen_by, note)
                    SELECT feed, record_id, $3, building_id, match_method, row_fingerprint, content_hash, $4, $5
                    FROM feed_record WHERE feed = $1 AND record_id = $2
                    RETURNING link_id
                    """),
                new($"""
                    UPDATE feed_record
                    SET building_id = $3, match_method = '{ManualChoices.Method}', match_confidence = 1.0,
                        unmatched_reason = CASE WHEN $3 IS NULL THEN 'left unmatched by ' || $4 || coalesce(': ' || $5, '') END
                    WHERE feed = $1 AND record_id = $2
                    """),
                new("INSERT INTO touched SELECT id FROM unnest(ARRAY[$3, $6]::bigint[]) AS id WHERE id IS NOT NULL ON CONFLICT DO NOTHING"),
            },
        };
        foreach (var command in batch.BatchCommands)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Feed.Slug() });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.RecordId });
            command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = request.BuildingId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.ChosenBy });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = CleanNote(request.Note), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = oldBuilding, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        }

        long linkId = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    linkId = reader.GetInt64(0);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return linkId;
    }

    /// <summary>The note as stored: no control characters, trimmed, at most <see cref="MaxNoteLength"/>; null when empty.</summary>
    public static string? CleanNote(string? note)
    {
        var text = new string((note ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return text.Length == 0 ? null : text.Length > MaxNoteLength ? text[..MaxNoteLength] : text;
    }
}
