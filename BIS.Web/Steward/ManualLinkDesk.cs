using BIS.Domain.Feeds;
using BIS.Ingest.ManualLinks;
using BIS.Web.Security.Audit;
using Npgsql;

namespace BIS.Web.Steward;

/// <summary>One feed record as the steward fixing its link sees it.</summary>
public sealed record RecordView(
    string Feed, string RecordId, long? BuildingId, string? BuildingAddress, string Method, double Confidence, string? UnmatchedReason,
    string? AddressText, string Attributes, DateTimeOffset? AsOf, long LineNumber, IReadOnlyList<string> Warnings, long UpdatedRunId);

/// <summary>One choice in a record's history of manual links, newest first.</summary>
public sealed record ManualLinkView(
    long LinkId, long? BuildingId, string? BuildingAddress, long? PreviousBuildingId, string PreviousMethod, string ChosenBy, DateTimeOffset ChosenAt,
    string? Note, DateTimeOffset? LapsedAt, string? LapsedReason, long? LapsedRunId, DateTimeOffset? ReplacedAt)
{
    public string State => LapsedAt is not null ? "lapsed" : ReplacedAt is not null ? "replaced" : "in force";
}

/// <summary>
/// The steward desk's side of "Fix the link": reads a record and its history of choices, and applies a choice through
/// <see cref="ManualLinker"/> with the audit row (who, role, address, user agent; feed, record, old → new building)
/// written in the choice's own transaction.
/// </summary>
public sealed class ManualLinkDesk(NpgsqlDataSource dataSource, ManualLinker linker)
{
    public const string LinkAction = "record.link";
    public const string UnlinkAction = "record.unlink";

    public async Task<RecordView?> ReadAsync(FeedKind feed, string recordId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT f.record_id, f.building_id, b.address_text, f.match_method, f.match_confidence, f.unmatched_reason, f.address_text,
                   jsonb_pretty(f.attrs), f.as_of, f.line_number, coalesce(f.warnings, '{}'), f.updated_run_id
            FROM feed_record f LEFT JOIN building b ON b.building_id = f.building_id
            WHERE f.feed = @feed AND f.record_id = @record
            """);
        command.Parameters.AddWithValue("feed", feed.Slug());
        command.Parameters.AddWithValue("record", recordId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new RecordView(
            feed.Slug(), reader.GetString(0), NullableLong(reader, 1), NullableText(reader, 2), reader.GetString(3), reader.GetFloat(4),
            NullableText(reader, 5), NullableText(reader, 6), reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.GetInt64(9), reader.GetFieldValue<string[]>(10), reader.GetInt64(11));
    }

    public async Task<IReadOnlyList<ManualLinkView>> HistoryAsync(FeedKind feed, string recordId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT m.link_id, m.building_id, b.address_text, m.previous_building_id, m.previous_method, m.chosen_by, m.chosen_at, m.note,
                   m.lapsed_at, m.lapsed_reason, m.lapsed_run_id, m.replaced_at
            FROM manual_link m LEFT JOIN building b ON b.building_id = m.building_id
            WHERE m.feed = @feed AND m.record_id = @record
            ORDER BY m.chosen_at DESC, m.link_id DESC
            LIMIT 100
            """);
        command.Parameters.AddWithValue("feed", feed.Slug());
        command.Parameters.AddWithValue("record", recordId);
        var history = new List<ManualLinkView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new ManualLinkView(
                reader.GetInt64(0), NullableLong(reader, 1), NullableText(reader, 2), NullableLong(reader, 3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), NullableText(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), NullableText(reader, 9), NullableLong(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return history;
    }

    /// <summary>Links the record to <paramref name="buildingId"/>, or leaves it unmatched when null; applied at once and audited.</summary>
    public Task<ManualLinkOutcome> ChooseAsync(FeedKind feed, string recordId, long? buildingId, string? note, StewardCaller by, CancellationToken cancellationToken) =>
        linker.ApplyAsync(
            new ManualLinkRequest(feed, recordId, buildingId, by.Name, note, (connection, change, ct) =>
                AccessAudit.RecordAsync(connection, buildingId is null ? UnlinkAction : LinkAction, by.User, by.Origin, Describe(change, note), ct)),
            cancellationToken);

    /// <summary>"violations V1#2024: building 12 → 34 (note: …)"; "none" for no building.</summary>
    private static string Describe(ManualLinkChange change, string? note)
    {
        var detail = $"{change.Feed} {change.RecordId}: building {change.OldBuildingId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} → " +
                     $"{change.NewBuildingId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
        return ManualLinker.CleanNote(note) is { } text ? $"{detail} (note: {text})" : detail;
    }

    private static long? NullableLong(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
