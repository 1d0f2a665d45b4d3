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

    /// <param name="record">The mapped row.</param>
    /// <param name="contentKey">What "the same row" means for this feed (usually the row's trimmed fields).</param>
    /// <param name="rawText">The row as written, kept in case a later row supersedes it.</param>
    /// <param name="source">Which input the row came from, named in messages when a feed has several.</param>
    public void Stage(StagedRecord record, string contentKey, string rawText, string? source = null)
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

    public void Stage(StagedRecord record, CsvRow row, string? source = null) =>
        Stage(record, row.ContentKey, row.RawText, source);

    private sealed record Winner(int Index, string ContentKey, long LineNumber, string RawText, string? Source);
}
