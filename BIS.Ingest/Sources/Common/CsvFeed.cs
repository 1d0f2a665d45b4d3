using BIS.Ingest.Pipeline;
using Sylvan.Data.Csv;

namespace BIS.Ingest.Sources.Common;

/// <summary>
/// One CSV input of a feed read with Sylvan: encoding detected, header looked up by name, every row with
/// the physical line it starts on (quoted newlines counted) and its raw text for the steward. A row holding
/// bytes that are not UTF-8 (read as U+FFFD, see <see cref="FeedText"/>) carries a warning naming the line:
/// the replacement never swallows an ASCII byte, so commas, quotes and line breaks stay where they were.
/// </summary>
public sealed class CsvFeed : IDisposable
{
    private readonly StreamReader _text;
    private readonly CsvDataReader _csv;
    private readonly Dictionary<string, int> _header = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _headerLines;
    private Dictionary<CsvColumn, int>? _bound;

    private CsvFeed(FeedFile file, FieldBounds bounds, StreamReader text, CsvDataReader csv)
    {
        File = file;
        Bounds = bounds;
        _text = text;
        _csv = csv;
        var names = new string[csv.FieldCount];
        for (var i = 0; i < csv.FieldCount; i++)
        {
            names[i] = csv.GetName(i).Trim();
            _header.TryAdd(names[i], i);
        }

        HeaderNames = names;
        // A quoted header name may itself span lines; the first record starts after them.
        _headerLines = 1 + names.Sum(n => n.Count(c => c == '\n'));
    }

    public FeedFile File { get; }
    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>How long the cells of its rows may be.</summary>
    public FieldBounds Bounds { get; }

    // A row this long is damage (an unclosed quote swallowing the file, a binary blob), not an export row.
    private const int MaxRowChars = 1 << 24;
    private const string TooLong = "has a row longer than 16 million characters (an unclosed quote, or not a CSV export)";

    /// <summary>Opens the file and reads its header; refuses a missing, empty or header-less file.</summary>
    public static CsvFeed Open(FeedFile file, FieldBounds bounds)
    {
        var text = FeedText.Open(file);
        try
        {
            var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', MaxBufferSize = MaxRowChars };
            var csv = CsvDataReader.Create(text, options);
            var feed = new CsvFeed(file, bounds, text, csv);
            if (feed.HeaderNames.All(string.IsNullOrWhiteSpace))
            {
                throw new FeedRefusedException($"{file.Location} ({file.Role}) is empty");
            }

            return feed;
        }
        catch (CsvMissingHeadersException)
        {
            text.Dispose();
            throw new FeedRefusedException($"{file.Location} ({file.Role}) is empty");
        }
        catch (CsvRecordTooLargeException)
        {
            // The reader looks at the first row as it opens.
            text.Dispose();
            throw new FeedRefusedException($"{file.Location} ({file.Role}) {TooLong} in its header or first row");
        }
        catch (Exception e) when (e is not FeedRefusedException)
        {
            text.Dispose();
            throw new FeedRefusedException($"{file.Location} ({file.Role}) cannot be read as CSV: {e.Message}");
        }
    }

    public bool HasColumn(string name) => _header.ContainsKey(name);

    public bool Has(CsvColumn column) => _bound?.ContainsKey(column) ?? column.Names.Any(HasColumn);

    /// <summary>Resolves the reader's columns; refuses the run naming every required column that is missing.</summary>
    public void Bind(IEnumerable<CsvColumn> columns)
    {
        var map = new Dictionary<CsvColumn, int>();
        var missing = new List<string>();
        foreach (var column in columns)
        {
            var found = column.Names.Select(n => _header.TryGetValue(n, out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (found >= 0)
            {
                map[column] = found;
            }
            else if (column.IsRequired)
            {
                missing.Add(string.Join(" or ", column.Names));
            }
        }

        if (missing.Count > 0)
        {
            throw new FeedRefusedException(
                $"{File.Location} ({File.Role}) is missing required column{(missing.Count > 1 ? "s" : string.Empty)}: {string.Join(", ", missing)}");
        }

        _bound = map;
    }

    /// <summary>
    /// Every data row; blank lines are skipped. Refuses a file with no data rows, and a file whose CSV
    /// structure breaks (an unbalanced quote makes the rest of the file unreadable).
    /// </summary>
    public IEnumerable<CsvRow> Rows(CancellationToken cancellationToken)
    {
        var map = _bound ?? throw new InvalidOperationException("Bind the columns before reading rows.");
        long nextLine = 1 + _headerLines;
        var rows = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CsvRow row;
            try
            {
                if (!_csv.Read())
                {
                    break;
                }

                var raw = _csv.GetRawRecordSpan();
                var line = nextLine;
                nextLine += CountLineBreaks(raw);
                var rawText = raw.TrimEnd("\r\n").ToString();
                if (_csv.RowFieldCount <= 1 && rawText.Trim().Length == 0)
                {
                    continue;
                }

                var fields = new string[_csv.RowFieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = _csv.GetString(i);
                }

                if (fields.Length < HeaderNames.Count && !EndsWithLineBreak(raw) && IsLastRecord())
                {
                    throw new FeedRefusedException(
                        $"{File.Location} ({File.Role}) ends in the middle of a row: line {line} has {fields.Length} of {HeaderNames.Count} fields and no line end. " +
                        "The export looks cut short (a download or export that stopped); the last good data stays live.");
                }

                row = new CsvRow(this, map, line, rawText, fields);
                if (ReplacedBytes.In(rawText))
                {
                    row.Warnings.AddWhole(ReplacedBytesWarning(rawText, line, fields));
                }
            }
            catch (CsvRecordTooLargeException)
            {
                throw new FeedRefusedException($"{File.Location} ({File.Role}) {TooLong} at or after line {nextLine}");
            }
            catch (Exception e) when (e is CsvFormatException or FormatException or IOException)
            {
                throw new FeedRefusedException(
                    $"{File.Location} ({File.Role}) has malformed CSV at or after line {nextLine}: {e.Message}");
            }

            rows++;
            File.Progress?.RowRead();
            yield return row;
        }

        if (rows == 0)
        {
            throw new FeedRefusedException($"{File.Location} ({File.Role}) is empty: a header and no rows");
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }

    private static bool EndsWithLineBreak(ReadOnlySpan<char> raw) => raw.Length > 0 && raw[^1] is '\n' or '\r';

    /// <summary>
    /// Whether the row just read is the file's last. Only asked of a short row with no line end, which
    /// Sylvan hands over only at the end of its input; the check keeps the rule honest if that changes.
    /// </summary>
    private bool IsLastRecord() => _text.EndOfStream;

    /// <summary>Names the physical line of the first U+FFFD (a quoted field may have moved it below the row's first line) and the columns holding one.</summary>
    private string ReplacedBytesWarning(string rawText, long line, string[] fields)
    {
        var damagedLine = line + CountLineBreaks(rawText.AsSpan(0, rawText.IndexOf(ReplacedBytes.Replacement, StringComparison.Ordinal)));
        var columns = fields.Take(HeaderNames.Count).Select((value, i) => (value, i)).Where(f => ReplacedBytes.In(f.value)).Select(f => HeaderNames[f.i]);
        return ReplacedBytes.Warning($"line {damagedLine}", columns);
    }

    private static int CountLineBreaks(ReadOnlySpan<char> raw)
    {
        var count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>One data row of a <see cref="CsvFeed"/>.</summary>
public sealed class CsvRow
{
    private readonly CsvFeed _feed;
    private readonly Dictionary<CsvColumn, int> _map;
    private readonly string[] _fields;
    private readonly BoundedFields _bounded;

    internal CsvRow(CsvFeed feed, Dictionary<CsvColumn, int> map, long lineNumber, string rawText, string[] fields)
    {
        _feed = feed;
        _map = map;
        _fields = fields;
        _bounded = new BoundedFields(feed.Bounds);
        LineNumber = lineNumber;
        RawText = rawText;
    }

    /// <summary>1-based physical line the row starts on (header = line 1).</summary>
    public long LineNumber { get; }

    /// <summary>The row as it is in the file, line ending removed.</summary>
    public string RawText { get; }

    /// <summary>The file's trimmed fields, fingerprinted, for content comparison of duplicate rows.</summary>
    public ContentFingerprint ContentKey => ContentFingerprint.Of(_fields);

    /// <summary>The fingerprint of the fields exactly as written, after <paramref name="salt"/> (see <see cref="RecordBatch.BeginInput"/>).</summary>
    public ContentFingerprint FingerprintAfter(ContentFingerprint salt) => ContentFingerprint.Of(salt, _fields);

    /// <summary>Null when the row can be mapped; otherwise why the row is not trusted.</summary>
    /// <remarks>A shifted row (an unquoted comma, a truncated line) puts values under the wrong headers; a NUL cannot be stored.</remarks>
    public string? Problem =>
        _fields.Length != _feed.HeaderNames.Count
            ? $"row has {_fields.Length} field{(_fields.Length == 1 ? string.Empty : "s")}, the header has {_feed.HeaderNames.Count}"
        : NulText.In(RawText) ? $"row {NulText.Problem}"
        : null;

    /// <summary>
    /// The cell trimmed and held to the bound of the column's kind (<see cref="BoundedFields"/>); null when the
    /// column is absent or the cell blank, or when it is an identifier, address or code too long to be one.
    /// </summary>
    public string? this[CsvColumn column] => Read(column, column.Kind);

    /// <summary>As the indexer, for a cell that is used here as another kind (a material name that stands in for an id).</summary>
    public string? Read(CsvColumn column, FieldKind kind) => _bounded.Read(column.Name, Raw(column), kind);

    /// <summary>Values of this row that could not be used as written, and free text that was cut; the typed readers below add to it.</summary>
    public FieldWarnings Warnings => _bounded.Warnings;

    /// <summary>
    /// Why the row is rejected although its fields line up: the first identifier, address or code read from it
    /// that is longer than any real one. <see cref="RecordBatch"/> rejects such a row whatever else its mapping found.
    /// </summary>
    public string? Overlong => _bounded.Overlong;

    /// <summary>
    /// Reads every identifier, address and code among <paramref name="columns"/> and returns <see cref="Overlong"/>:
    /// for a reader that accepts a row before it maps it.
    /// </summary>
    public string? OverlongIn(IEnumerable<CsvColumn> columns)
    {
        foreach (var column in columns)
        {
            if (column.Kind is not (FieldKind.Text or FieldKind.Parsed))
            {
                _ = this[column];
            }
        }

        return Overlong;
    }

    /// <summary>The cell as a whole number in range; null when blank, or (with a warning) when it is not one.</summary>
    public int? Int(CsvColumn column, int min = int.MinValue, int max = int.MaxValue) => Warnings.Int(column.Name, this[column], min, max);

    /// <summary>The cell as a number in range; null when blank, or (with a warning) when it is not one.</summary>
    public decimal? Decimal(CsvColumn column, decimal min = decimal.MinValue, decimal max = decimal.MaxValue) =>
        Warnings.Decimal(column.Name, this[column], min, max);

    public DateOnly? Date(CsvColumn column) => Warnings.Date(column.Name, this[column]);

    public DateTimeOffset? Timestamp(CsvColumn column) => Warnings.Timestamp(column.Name, this[column]);

    /// <summary>The cell as written; null when the column is absent.</summary>
    private string? Raw(CsvColumn column) =>
        _map.TryGetValue(column, out var i) && i < _fields.Length ? _fields[i] : null;
}
