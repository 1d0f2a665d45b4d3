using Sylvan.Data.Csv;

namespace BIS.Ingest.SampleCity;

/// <summary>Opens the city's CSV files (real or generated) for reading, every field as text.</summary>
internal static class CsvFiles
{
    public static CsvDataReader Open(string path) =>
        CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', BufferSize = 1 << 16 });

    /// <summary>Column index by header name (case-insensitive, trimmed); -1 when absent.</summary>
    public static int Column(CsvDataReader reader, string name)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i).Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public static string Field(CsvDataReader reader, int column) =>
        column < 0 || column >= reader.RowFieldCount ? string.Empty : reader.GetString(column);

    public static long CountRows(string path)
    {
        using var reader = Open(path);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }
}
