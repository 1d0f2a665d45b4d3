using BIS.Domain.Addresses;
using BIS.Domain.Geo;
using BIS.Ingest.Pipeline;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// Collects a feed run's items in input order and settles repeated record ids: an identical repeat is
/// rejected as "duplicate of line N"; a repeat with different content means the export appended a newer
/// version of the record mid-run, so the later row wins and the earlier one is rejected "superseded by line N".
/// With <see cref="KnownRecords"/> of the last load, a row exactly as it was then is kept without mapping
/// (<see cref="KeepIfUnchanged(CsvRow, string?)"/>); a kept row and a mapped row with the same id are told apart
/// by their fingerprints, so such a pair is reported as superseded rather than duplicate.
/// </summary>
/// <param name="known">The feed's current records; <see cref="KnownRecords.None"/> maps every row.</param>
/// <param name="mappingContext">What the mapping depends on besides the row and the code, such as today's
/// date for a reader that decides whether a permit is still active.</param>
public sealed class RecordBatch(KnownRecords? known = null, string? mappingContext = null)
{
    private readonly KnownRecords _known = known ?? KnownRecords.None;
    private readonly List<ReadItem> _items = [];
    private readonly Dictionary<string, Winner> _winners = new(StringComparer.Ordinal);
    private ContentFingerprint _salt;
    // The fingerprint of the row being mapped, given to the one record it may stage.
    private ContentFingerprint? _rowFingerprint;
    private bool _rowStaged;

    public IReadOnlyList<ReadItem> Items => _items;

    /// <summary>Starts an input: its rows are fingerprinted after its header (empty for JSON).</summary>
    public void BeginInput(IReadOnlyList<string> header)
    {
        if (_known.RemembersRows)
        {
            _salt = _known.RowSalt(mappingContext, header);
        }
    }

    /// <summary>
    /// True when the row is exactly the one its linked record was last loaded from: it is kept, unmapped.
    /// Otherwise the caller maps it, and the record it stages carries the row's fingerprint.
    /// </summary>
    public bool KeepIfUnchanged(CsvRow row, string? source) =>
        _known.RemembersRows && KeepIfUnchanged(row.LineNumber, row.FingerprintAfter(_salt), row.RawText, source);

    /// <summary>As <see cref="KeepIfUnchanged(CsvRow, string?)"/> for an item that is one piece of text (a JSON item).</summary>
    public bool KeepIfUnchanged(long lineNumber, string rawText, string? source) =>
        _known.RemembersRows && KeepIfUnchanged(lineNumber, ContentFingerprint.Of(_salt, [rawText]), rawText, source);

    /// <param name="recordId">The id of the record the row was for, when it could be read (see <see cref="RejectedRow.RecordId"/>).</param>
    public void Reject(long lineNumber, string reason, string rawText, string? recordId = null) =>
        _items.Add(new RejectedRow { LineNumber = lineNumber, Reason = reason, RawText = rawText, RecordId = recordId });

    /// <summary>
    /// Rejects the row; when an identifier, address or code read from it was too long (<see cref="CsvRow.Overlong"/>),
    /// for that reason: the mapping found the field blank, or the row unlocated, because it was.
    /// </summary>
    public void Reject(CsvRow row, string reason, string? recordId = null) => Reject(row.LineNumber, row.Overlong ?? reason, row.RawText, recordId);

    /// <summary>The record id in <paramref name="column"/>; null, with the row rejected "missing &lt;column&gt;", when it is blank.</summary>
    public string? IdOrReject(CsvRow row, CsvColumn column)
    {
        var id = SourceIds.IdText(row[column]);
        if (id is null)
        {
            Reject(row, $"missing {column.Name}");
        }

        return id;
    }

    /// <summary>Rejects the row when nothing ties it to a place (<see cref="Locating.CannotBeLocated"/>); true when it did.</summary>
    public bool RejectIfUnlocated(CsvRow row, NormalizedAddress? address, CleanedCoordinate coordinate, string? parcelId, string? addressId, string? recordId)
    {
        if (Locating.CannotBeLocated(address, coordinate, parcelId, addressId) is not { } unlocated)
        {
            Locating.WarnOfUnusedCoordinates(row.Warnings, coordinate);
            return false;
        }

        Reject(row, unlocated, recordId);
        return true;
    }

    /// <param name="record">The mapped row.</param>
    /// <param name="contentKey">What "the same row" means for this feed (usually the row's trimmed fields).</param>
    /// <param name="rawText">The row as written, kept in case a later row supersedes it.</param>
    /// <param name="source">Which input the row came from, named in messages when a feed has several.</param>
    public void Stage(StagedRecord record, string contentKey, string rawText, string? source = null) =>
        Stage(record, ContentFingerprint.Of(contentKey), rawText, source);

    /// <summary>
    /// Stages the record mapped from <paramref name="row"/>, with the row's warnings unless the record names its own;
    /// rejects it instead, naming the record, when an identifier, address or code read from the row was too long.
    /// </summary>
    public void Stage(StagedRecord record, CsvRow row, string? source = null) => Stage(record, row, row.ContentKey, source);

    /// <summary>As <see cref="Stage(StagedRecord, CsvRow, string?)"/>, with what "the same row" means for this feed.</summary>
    public void Stage(StagedRecord record, CsvRow row, string contentKey, string? source) =>
        Stage(record, row, ContentFingerprint.Of(contentKey), source);

    private void Stage(StagedRecord record, CsvRow row, ContentFingerprint contentKey, string? source)
    {
        if (row.Overlong is { } overlong)
        {
            Reject(row, overlong, record.RecordId);
            return;
        }

        Stage(record.Warnings is null && row.Warnings.Items is { } warnings ? record with { Warnings = warnings } : record, contentKey, row.RawText, source);
    }

    private bool KeepIfUnchanged(long lineNumber, ContentFingerprint rowFingerprint, string rawText, string? source)
    {
        if (_known.RecordIdOfUnchangedRow(rowFingerprint) is not { } recordId)
        {
            _rowFingerprint = rowFingerprint;
            _rowStaged = false;
            return false;
        }

        _rowFingerprint = null;
        Add(new UnchangedRow { LineNumber = lineNumber, RecordId = recordId }, recordId, rowFingerprint, rawText, source);
        return true;
    }

    private void Stage(StagedRecord record, ContentFingerprint contentKey, string rawText, string? source)
    {
        if (ReplacedBytes.In(record.RecordId))
        {
            // Any other field may stay as read, with a warning; a damaged id would load as a record the source never had.
            Reject(record.LineNumber, ReplacedBytes.InRecordId(record.RecordId), rawText);
            return;
        }

        if (_rowFingerprint is { } rowFingerprint)
        {
            // A remembered row stands for one record: were it to stage two, the next run would keep one
            // of them by the fingerprint and delete the other as missing from the input.
            if (_rowStaged)
            {
                throw new InvalidOperationException($"Line {record.LineNumber} staged a second record ({record.RecordId}); a remembered row maps to one record.");
            }

            _rowStaged = true;
            record = record with { RowFingerprint = rowFingerprint };
        }

        Add(record, record.RecordId, contentKey, rawText, source);
    }

    private void Add(ReadItem item, string recordId, ContentFingerprint contentKey, string rawText, string? source)
    {
        if (_winners.TryGetValue(recordId, out var prior))
        {
            var where = prior.Source == source || source is null ? string.Empty : $" of {prior.Source}";
            if (prior.ContentKey == contentKey)
            {
                Reject(item.LineNumber, $"duplicate of line {prior.LineNumber}{where}", rawText);
                return;
            }

            var laterWhere = prior.Source == source || source is null ? string.Empty : $" of {source}";
            _items[prior.Index] = new RejectedRow
            {
                LineNumber = prior.LineNumber,
                Reason = $"superseded by line {item.LineNumber}{laterWhere} (same id {recordId}, different content)",
                RawText = prior.RawText,
            };
        }

        // Only what a rejection would keep of the text: the row itself need not stay in memory for the run.
        _winners[recordId] = new Winner(_items.Count, contentKey, item.LineNumber, RejectedRow.Kept(rawText), source);
        _items.Add(item);
    }

    private sealed record Winner(int Index, ContentFingerprint ContentKey, long LineNumber, string RawText, string? Source);
}
