using CsvHelper;

namespace BIS.Web.Steward;

/// <summary>
/// The steward's CSV downloads: RFC 4180, UTF-8, and safe to open in a spreadsheet — a cell that starts with
/// <c>= + - @</c>, tab or CR (a source row can say anything) is written with a leading <c>'</c>, so Excel shows it as text
/// instead of running it as a formula.
/// </summary>
public static class RunCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static CsvWriter Create(Stream destination) => CsvWriter.Create(destination, Options, leaveOpen: true);

    /// <summary>Starts a download named <paramref name="fileName"/>: the browser saves it rather than showing it.</summary>
    public static CsvWriter Begin(HttpResponse response, string fileName)
    {
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store";
        return Create(response.Body);
    }
}
