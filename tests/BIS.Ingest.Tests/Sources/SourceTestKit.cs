using System.Text;
using BIS.Domain.Geo;
using BIS.Ingest.Pipeline;
using BIS.Ingest.Sources.Common;
using BIS.TestSupport;

namespace BIS.Ingest.Tests.Sources;

/// <summary>Temp files, inputs and result splitting for the source reader tests. No database involved.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("bis-sources-");

    public string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

public static class SourceTestKit
{
    /// <summary>2024-11-01 noon in Boston: after every date in the real samples.</summary>
    public static FixedClock Clock { get; } = new(new DateTimeOffset(2024, 11, 1, 12, 0, 0, TimeSpan.FromHours(-4)));

    public static CoordinateCleaner Cleaner { get; } = new();

    /// <summary>The bounds as configured by default (free text cut at 8,000 characters).</summary>
    public static FieldBounds Bounds => FieldBounds.Default;

    public static string Real(string fileName) => Path.Combine(RepoPaths.RealData, fileName);

    public static string Fixture(string source, string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "Sources", source, "Fixtures", fileName);

    public static FeedInput Input(params (string Role, string Path)[] files) =>
        new(files.Select(f => new FeedFile(f.Role, f.Path, Path.GetFileName(f.Path))).ToList());

    public static ReadResult ReadAll(this IFeedReader reader, params (string Role, string Path)[] files) =>
        new(reader.Read(Input(files), CancellationToken.None).ToList());
}

public sealed record ReadResult(IReadOnlyList<ReadItem> Items)
{
    public IReadOnlyList<StagedRecord> Staged { get; } = Items.OfType<StagedRecord>().ToList();
    public IReadOnlyList<RejectedRow> Rejected { get; } = Items.OfType<RejectedRow>().ToList();

    public StagedRecord Record(string recordId) => Staged.Single(s => s.RecordId == recordId);

    public T Attributes<T>(string recordId) => (T)Record(recordId).Attributes;

    public RejectedRow RejectedAt(long line) => Rejected.Single(r => r.LineNumber == line);
}
