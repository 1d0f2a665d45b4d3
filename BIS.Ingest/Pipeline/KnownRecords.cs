using BIS.Domain.Feeds;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// The current records of a building-linked feed as (content fingerprint, link), read once before
/// staging. A staged row whose fingerprint is unchanged and whose record is linked is marked
/// unchanged and keeps its link, so linking and merging only work on what really changed: that is
/// what keeps an incremental refresh from re-linking and re-comparing the whole export.
/// </summary>
public sealed class KnownRecords
{
    private readonly Dictionary<string, (string Hash, long BuildingId, string Method, float Confidence)> _linked;

    private KnownRecords(Dictionary<string, (string, long, string, float)> linked) => _linked = linked;

    public static KnownRecords None { get; } = new([]);

    public static async Task<KnownRecords> LoadAsync(NpgsqlConnection connection, FeedKind feed, CancellationToken cancellationToken)
    {
        var linked = new Dictionary<string, (string, long, string, float)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT record_id, content_hash, building_id, match_method, match_confidence FROM feed_record WHERE feed = @feed AND building_id IS NOT NULL",
            connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("feed", feed.Slug());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            linked[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetFloat(4));
        }

        return new KnownRecords(linked);
    }

    /// <summary>The link to keep when the record is unchanged; null when it is new, changed or was unmatched.</summary>
    public (long BuildingId, string Method, float Confidence)? UnchangedLink(string recordId, string contentHash) =>
        _linked.TryGetValue(recordId, out var known) && known.Hash == contentHash
            ? (known.BuildingId, known.Method, known.Confidence)
            : null;
}
