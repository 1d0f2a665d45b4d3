using BIS.Domain.Feeds;
using BIS.Ingest.Sources.Common;
using Npgsql;

namespace BIS.Ingest.Pipeline;

/// <summary>
/// The current records of a building-linked feed, read once before the run reads its input. It lets an
/// incremental refresh work only on what changed:
/// <list type="bullet">
/// <item>a source row identical to the one a linked record was last loaded from (same row fingerprint,
/// see <see cref="RowSalt"/>) is not mapped, staged, linked or merged at all: it is kept as it is;</item>
/// <item>a mapped row whose content fingerprint is unchanged keeps its link instead of walking the ladder again
/// (<see cref="MarkUnchangedAsync"/>);</item>
/// <item>records whose id no longer appears in the input are the ones to delete (<see cref="IdsMissingFrom"/>).</item>
/// </list>
/// Unmatched records are never kept unseen: they walk the ladder on every run, in case a building appeared.
/// </summary>
public sealed class KnownRecords
{
    private readonly Dictionary<ContentFingerprint, string> _unchangedRows;
    private readonly List<string> _ids;
    private readonly string? _mappingVersion;

    private KnownRecords(Dictionary<ContentFingerprint, string> unchangedRows, List<string> ids, string? mappingVersion, bool keepsLinks)
    {
        _unchangedRows = unchangedRows;
        _ids = ids;
        _mappingVersion = mappingVersion;
        KeepsLinks = keepsLinks;
    }

    /// <summary>Nothing known: every row is mapped and staged, and no row fingerprints are taken.</summary>
    public static KnownRecords None { get; } = new([], [], null, keepsLinks: false);

    /// <summary>
    /// Whether a record whose content is unchanged keeps its link (<see cref="MarkUnchangedAsync"/>). Not on the first run
    /// of a new build or service area: the linkage rules may have changed (a range no longer crosses the street), and a
    /// link made by the old rules must walk the ladder once more, or it would stand until the source row changes.
    /// </summary>
    public bool KeepsLinks { get; }

    /// <summary>True when the feed has no current record: nothing to keep, move or delete.</summary>
    public bool IsEmpty => _ids.Count == 0;

    /// <summary>The feed's current records before the run.</summary>
    public long Count => _ids.Count;

    /// <summary>False for <see cref="None"/>: readers then skip fingerprinting rows.</summary>
    public bool RemembersRows => _mappingVersion is not null;

    /// <param name="connection">The run's connection, inside its transaction and feed lock.</param>
    /// <param name="feed">A building-linked feed.</param>
    /// <param name="mappingVersion">What the reader's output depends on besides the row (see <see cref="MappingVersion"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="keepsLinks">The feed's last good run was read by the same build and service area (<see cref="KeepsLinks"/>).</param>
    public static async Task<KnownRecords> LoadAsync(
        NpgsqlConnection connection, FeedKind feed, string mappingVersion, bool keepsLinks, CancellationToken cancellationToken)
    {
        var unchangedRows = new Dictionary<ContentFingerprint, string>();
        var ids = new List<string>();
        await using var command = new NpgsqlCommand(
            "SELECT record_id, CASE WHEN building_id IS NOT NULL THEN row_fingerprint END FROM feed_record WHERE feed = @feed",
            connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("feed", feed.Slug());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var recordId = reader.GetString(0);
            ids.Add(recordId);
            if (!reader.IsDBNull(1))
            {
                unchangedRows[ContentFingerprint.FromBytes(reader.GetFieldValue<byte[]>(1))] = recordId;
            }
        }

        return new KnownRecords(unchangedRows, ids, mappingVersion, keepsLinks);
    }

    /// <summary>
    /// Staged records whose content is the same as the current record's, and which are linked, keep their
    /// link and are marked unchanged: they are neither linked nor merged again. These are rows that were
    /// mapped although their record did not change (the first run of a new build, a re-spaced field).
    /// </summary>
    public static async Task MarkUnchangedAsync(NpgsqlConnection connection, FeedKind feed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE stage s SET building_id = f.building_id, match_method = f.match_method, match_confidence = f.match_confidence, unchanged = true
            FROM feed_record f
            WHERE f.feed = @feed AND f.record_id = s.record_id AND f.content_hash = s.content_hash AND f.building_id IS NOT NULL
            """,
            connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("feed", feed.Slug());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// What a row's fingerprint is taken after, so that the same text means the same record: the mapping's
    /// version, what the reader's mapping depends on that day (<paramref name="context"/>) and the input's
    /// header (a reordered or added column moves values between fields).
    /// </summary>
    public ContentFingerprint RowSalt(string? context, IReadOnlyList<string> header) =>
        ContentFingerprint.Of([_mappingVersion ?? string.Empty, context ?? string.Empty, .. header], trim: false);

    /// <summary>The id of the linked record last loaded from exactly this row; null when the row is new, changed or unmatched.</summary>
    public string? RecordIdOfUnchangedRow(ContentFingerprint row) => _unchangedRows.GetValueOrDefault(row);

    /// <summary>The current records whose ids the run's input no longer has.</summary>
    public IEnumerable<string> IdsMissingFrom(IReadOnlySet<string> seen) => _ids.Where(id => !seen.Contains(id));
}
