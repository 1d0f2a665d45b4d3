using System.Collections.Frozen;
using System.Text;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// Streams one CSV feed file the way the city's exports look: UTF-8 without BOM, LF line ends,
/// fields quoted only when they must be (delimiter, quote or line break inside).
/// Rows are filled by column name so a writer cannot silently shift a column; rows marked as
/// duplicates are written again at the end of the file, like rows re-appended mid-export.
/// </summary>
/// <remarks>
/// Writing is hand-rolled on purpose: the CSV library in use (Sylvan) writes from a
/// <c>DbDataReader</c>, which does not fit row-at-a-time generation; quoting is the only rule needed.
/// </remarks>
internal sealed class FeedCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly FrozenDictionary<string, int> _index;
    private readonly string?[] _row;
    private readonly List<string?[]> _duplicates = [];
    private bool _disposed;

    public FeedCsvWriter(string path, IReadOnlyList<string> columns)
    {
        Path = path;
        Columns = columns;
        _index = columns.Select((c, i) => (c, i)).ToFrozenDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _row = new string?[columns.Count];
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16)
        {
            NewLine = "\n",
        };
        WriteFields(columns.ToArray());
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Data rows written so far (duplicates included once they are flushed at the end).</summary>
    public long Rows { get; private set; }

    /// <summary>Sets a field of the row being built.</summary>
    public string? this[string column]
    {
        set => _row[_index.TryGetValue(column, out var i) ? i : throw new ArgumentException($"No column '{column}' in {Path}.", nameof(column))] = value;
    }

    /// <summary>Writes the row being built and starts an empty one.</summary>
    /// <param name="repeatAtEnd">Also write an exact copy of this row after the last row.</param>
    public void EndRow(bool repeatAtEnd = false)
    {
        WriteFields(_row);
        Rows++;
        if (repeatAtEnd)
        {
            _duplicates.Add((string?[])_row.Clone());
        }

        Array.Clear(_row);
    }

    /// <summary>Writes a whole row given in column order (used when rewriting a file).</summary>
    public void WriteRaw(IReadOnlyList<string?> fields)
    {
        WriteFields(fields);
        Rows++;
    }

    private void WriteFields(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            var value = fields[i];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                _writer.Write(value);
                continue;
            }

            _writer.Write('"');
            _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            _writer.Write('"');
        }

        _writer.Write('\n');
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var duplicate in _duplicates)
        {
            WriteFields(duplicate);
            Rows++;
        }

        _writer.Dispose();
    }
}
