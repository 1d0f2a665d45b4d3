using BIS.Domain.Feeds;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// How many of a feed's live records the run's merge is about to delete, counted before the merge so the
/// deletion gate (<see cref="SanityGates.CheckDeletions"/>) can refuse a cut export while nothing has changed.
/// </summary>
internal static class PendingDeletions
{
    /// <summary>
    /// The current backbone row whose id <paramref name="idColumn"/> the run's input no longer names, neither as an
    /// accepted row (<c>stage</c>) nor as a rejected one that keeps its record (<c>stage_rejected</c>): what the merge of
    /// assessing or hydrants deletes, and what the deletion gate counts first — one predicate, so they cannot drift apart.
    /// </summary>
    public static string AbsentFromInput(string idColumn) =>
        $"NOT EXISTS (SELECT 1 FROM stage s WHERE s.record_id = {idColumn}) AND NOT EXISTS (SELECT 1 FROM stage_rejected r WHERE r.record_id = {idColumn})";

    /// <summary>A building-linked feed: its current records (read before the run), those the input no longer names.</summary>
    public static (long Live, long Gone) OfLinkedFeed(KnownRecords known, IReadOnlyCollection<string> goneIds) => (known.Count, goneIds.Count);

    /// <summary>
    /// Assessing or hydrants, once <c>stage</c> and <c>stage_rejected</c> hold the run's ids: <see cref="AbsentFromInput"/>,
    /// as the merge's delete (<see cref="Merge.AssessingMerge"/>, <see cref="Merge.HydrantMerge"/>), so the gate counts
    /// exactly what would go.
    /// </summary>
    public static async Task<(long Live, long Gone)> OfBackboneFeedAsync(NpgsqlConnection connection, FeedKind feed, CancellationToken cancellationToken)
    {
        var (table, id) = feed switch
        {
            FeedKind.Assessing => ("building", "parcel_id"),
            FeedKind.Hydrants => ("hydrant", "hydrant_id"),
            _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "Building-linked feeds count from their known records."),
        };
        await using var command = new NpgsqlCommand(
            $"""
            SELECT count(*), count(*) FILTER (WHERE {AbsentFromInput($"t.{id}")})
            FROM {table} t
            """,
            connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
