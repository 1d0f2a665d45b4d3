using System.Text.Json;
using BIS.Ingest.Pipeline;

namespace BIS.Ingest.SampleCity;

/// <summary>One input file of a generated feed.</summary>
/// <param name="Role">The file's role within its feed, as docs/feed-formats.md names it.</param>
/// <param name="Path">Absolute path of the file.</param>
/// <param name="Rows">Data rows (CSV records, JSON items, GeoJSON features) in the file, header excluded.</param>
/// <param name="Generated">True when the generator wrote the file; false for a real public file used as is.</param>
public sealed record GeneratedFile(string Role, string Path, long Rows, bool Generated);

/// <summary>The inputs of one feed and the source name to configure it with.</summary>
/// <param name="Slug">Feed slug ("assessing", "building-permits", …).</param>
/// <param name="SourceName">Says "(synthetic)" for whatever the generator made up.</param>
public sealed record GeneratedFeed(string Slug, string SourceName, IReadOnlyList<GeneratedFile> Files)
{
    public long Rows => Files.Sum(f => f.Rows);

    public FeedInput ToFeedInput() => new(Files.Select(f => new FeedFile(f.Role, f.Path, f.Path)).ToList());
}

/// <summary>
/// Everything a generator run wrote (or pointed at), feed by feed, in the order of
/// <see cref="FeedSlugs"/>. Saved beside the files as <c>feeds.json</c> so a later process
/// (benchmark, mutate command) can pick the set up again.
/// </summary>
public sealed class FeedFileSet
{
    public const string ManifestFileName = "feeds.json";

    /// <summary>The seven feeds in the order every generator writes them.</summary>
    public static readonly IReadOnlyList<string> FeedSlugs =
        ["assessing", "building-permits", "violations", "hazmat-permits", "fire-incidents", "hydrants", "inspections"];

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public FeedFileSet(string directory, string generator, int seed, DateOnly asOf, IEnumerable<GeneratedFeed> feeds)
    {
        Directory = System.IO.Path.GetFullPath(directory);
        Generator = generator;
        Seed = seed;
        AsOf = asOf;
        var bySlug = feeds.ToDictionary(f => f.Slug, StringComparer.OrdinalIgnoreCase);
        Feeds = FeedSlugs.Where(bySlug.ContainsKey).Select(s => bySlug[s]).ToList();
    }

    /// <summary>The output directory.</summary>
    public string Directory { get; }

    /// <summary>"sample" or "synthetic".</summary>
    public string Generator { get; }

    public int Seed { get; }

    public DateOnly AsOf { get; }

    public IReadOnlyList<GeneratedFeed> Feeds { get; }

    public string ManifestPath => System.IO.Path.Combine(Directory, ManifestFileName);

    public long TotalRows => Feeds.Sum(f => f.Rows);

    public GeneratedFeed this[string slug] =>
        Feeds.FirstOrDefault(f => string.Equals(f.Slug, slug, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"The file set has no feed '{slug}'.");

    /// <summary>The same set with one feed's description replaced (after a mutation rewrote its file).</summary>
    public FeedFileSet With(GeneratedFeed feed) =>
        new(Directory, Generator, Seed, AsOf, Feeds.Select(f => f.Slug == feed.Slug ? feed : f));

    /// <summary>Writes <c>feeds.json</c>; paths are stored relative to <see cref="Directory"/>.</summary>
    public void SaveManifest()
    {
        var manifest = new Manifest(
            Generator,
            Seed,
            AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Feeds.Select(f => new ManifestFeed(
                f.Slug,
                f.SourceName,
                f.Files.Select(file => new ManifestFile(
                    file.Role,
                    System.IO.Path.GetRelativePath(Directory, file.Path).Replace('\\', '/'),
                    file.Rows,
                    file.Generated)).ToList())).ToList());
        File.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, ManifestJson) + "\n");
    }

    /// <summary>Reads a set back from its directory (or the path of its <c>feeds.json</c>).</summary>
    public static FeedFileSet Load(string directoryOrManifest)
    {
        var manifestPath = File.Exists(directoryOrManifest)
            ? directoryOrManifest
            : System.IO.Path.Combine(directoryOrManifest, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"No {ManifestFileName} found at '{directoryOrManifest}'.", manifestPath);
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath))!;
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(manifestPath), ManifestJson)
            ?? throw new InvalidDataException($"'{manifestPath}' is empty.");
        return new FeedFileSet(
            directory,
            manifest.Generator,
            manifest.Seed,
            DateOnly.ParseExact(manifest.AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            manifest.Feeds.Select(f => new GeneratedFeed(
                f.Slug,
                f.SourceName,
                f.Files.Select(file => new GeneratedFile(
                    file.Role,
                    System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, file.Path)),
                    file.Rows,
                    file.Generated)).ToList())));
    }

    private sealed record Manifest(string Generator, int Seed, string AsOf, List<ManifestFeed> Feeds);

    private sealed record ManifestFeed(string Slug, string SourceName, List<ManifestFile> Files);

    private sealed record ManifestFile(string Role, string Path, long Rows, bool Generated);
}
