using BIS.Domain.Addresses;
using BIS.Domain.Geo;
using BIS.Ingest.Pipeline;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// Collects a feed run's items in input order and settles repeated record ids: an identical repeat is
/// rejected as "duplicate of line N"; a repeat with different content means the export appended a newer
/// version of the record mid-run, so the later row wins and the earlier one is rejected "superseded by line N".
/// </summary>
public sealed class RecordBatch
{
    private readonly List<ReadItem> _items = [];
    private readonly Dictionary<string, Winner> _winners = new(StringComparer.Ordinal);

    public IReadOnlyList<ReadItem> Items => _items;

    public void Reject(long lineNumber, string reason, string rawText) =>
        _items.Add(new RejectedRow { LineNumber = lineNumber, Reason = reason, RawText = rawText });

    public void Reject(CsvRow row, string reason) => Reject(row.LineNumber, reason, row.RawText);

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
    public bool RejectIfUnlocated(CsvRow row, NormalizedAddress? address, CleanedCoordinate coordinate, string? parcelId, string? addressId)
    {
        if (Locating.CannotBeLocated(address, coordinate, parcelId, addressId) is not { } unlocated)
        {
            return false;
        }

        Reject(row, unlocated);
        return true;
    }

    /// <param name="record">The mapped row.</param>
    /// <param name="contentKey">What "the same row" means for this feed (usually the row's trimmed fields).</param>
    /// <param name="rawText">The row as written, kept in case a later row supersedes it.</param>
    /// <param name="source">Which input the row came from, named in messages when a feed has several.</param>
    public void Stage(StagedRecord record, string contentKey, string rawText, string? source = null) =>
        Stage(record, ContentFingerprint.Of(contentKey), rawText, source);

    public void Stage(StagedRecord record, CsvRow row, string? source = null) =>
        Stage(record, row.ContentKey, row.RawText, source);

    private void Stage(StagedRecord record, ContentFingerprint contentKey, string rawText, string? source)
    {
        if (_winners.TryGetValue(record.RecordId, out var prior))
        {
            var where = prior.Source == source || source is null ? string.Empty : $" of {prior.Source}";
            if (prior.ContentKey == contentKey)
            {
                Reject(record.LineNumber, $"duplicate of line {prior.LineNumber}{where}", rawText);
                return;
            }

            var laterWhere = prior.Source == source || source is null ? string.Empty : $" of {source}";
            _items[prior.Index] = new RejectedRow
            {
                LineNumber = prior.LineNumber,
                Reason = $"superseded by line {record.LineNumber}{laterWhere} (same id {record.RecordId}, different content)",
                RawText = prior.RawText,
            };
        }

        _winners[record.RecordId] = new Winner(_items.Count, contentKey, record.LineNumber, rawText, source);
        _items.Add(record);
    }

    private sealed record Winner(int Index, ContentFingerprint ContentKey, long LineNumber, string RawText, string? Source);
}
