using BIS.Ingest.Pipeline;

namespace BIS.Ingest.Sources.Common;

/// <summary>Maps one well-shaped CSV row into the batch: stages it, or rejects it with the reason.</summary>
/// <param name="source">The input the row came from, named only when the run has several (see <see cref="FeedInputs.SourceName"/>).</param>
public delegate void CsvRowMapper(CsvRow row, RecordBatch batch, string? source);

/// <summary>
/// The read loop every CSV feed shares: each file opened and bound in turn, every row that does not match
/// its header's field count rejected before mapping (its values would sit under the wrong columns), the
/// rest handed to the feed's mapper, and repeated ids settled by one <see cref="RecordBatch"/> across files.
/// </summary>
public static class CsvBatch
{
    /// <summary>Reads files that all have one shape, bound to <paramref name="columns"/>.</summary>
    public static IReadOnlyList<ReadItem> Read(
        RecordBatch batch, IReadOnlyList<FeedFile> files, FieldBounds bounds, IEnumerable<CsvColumn> columns, CsvRowMapper map, CancellationToken cancellationToken) =>
        Read(
            batch,
            files,
            bounds,
            csv =>
            {
                csv.Bind(columns);
                return map;
            },
            cancellationToken);

    /// <param name="batch">Collects the items; made with the run's known records, rows unchanged since the last load are kept unmapped.</param>
    /// <param name="files">The feed's inputs, read in order.</param>
    /// <param name="bounds">How long the rows' cells may be.</param>
    /// <param name="bind">Binds an opened file's columns and returns the mapper for its rows; it may refuse the file
    /// (a feed published in several shapes picks the shape from the header).</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    public static IReadOnlyList<ReadItem> Read(
        RecordBatch batch, IReadOnlyList<FeedFile> files, FieldBounds bounds, Func<CsvFeed, CsvRowMapper> bind, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            using var csv = CsvFeed.Open(file, bounds);
            var map = bind(csv);
            var source = files.SourceName(file);
            batch.BeginInput(csv.HeaderNames);
            foreach (var row in csv.Rows(cancellationToken))
            {
                if (row.Problem is { } problem)
                {
                    batch.Reject(row, problem);
                }
                else if (!batch.KeepIfUnchanged(row, source))
                {
                    map(row, batch, source);
                }
            }
        }

        return batch.Items;
    }
}
