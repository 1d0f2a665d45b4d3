using BIS.Ingest.SampleCity;

namespace BIS.Ingest.Tests.SampleCity;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = GeneratedFiles.NewTempDirectory("determinism");

    [Fact]
    public void Same_seed_gives_byte_identical_sample_city_files()
    {
        var first = SampleCityGenerator.Generate(GeneratedFiles.RealData, Path.Combine(_root, "a"), seed: 3);
        var second = SampleCityGenerator.Generate(GeneratedFiles.RealData, Path.Combine(_root, "b"), seed: 3);

        Assert.Equal(Hashes(first), Hashes(second));
        Assert.Equal(5, Hashes(first).Count);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_synthetic_city_and_another_seed_does_not()
    {
        var first = SyntheticCityGenerator.Generate(Path.Combine(_root, "s1"), 500, seed: 11);
        var second = SyntheticCityGenerator.Generate(Path.Combine(_root, "s2"), 500, seed: 11);
        var other = SyntheticCityGenerator.Generate(Path.Combine(_root, "s3"), 500, seed: 12);

        Assert.Equal(Hashes(first), Hashes(second));
        Assert.Equal(9, Hashes(first).Count);
        Assert.Equal(GeneratedFiles.Sha256(first.ManifestPath), GeneratedFiles.Sha256(second.ManifestPath));
        Assert.NotEqual(Hashes(first)["violations/violations"], Hashes(other)["violations/violations"]);
    }

    [Fact]
    public void The_reference_date_drives_every_date()
    {
        var first = SyntheticCityGenerator.Generate(Path.Combine(_root, "d1"), 300, seed: 1, new DateOnly(2026, 11, 1));
        var later = SyntheticCityGenerator.Generate(Path.Combine(_root, "d2"), 300, seed: 1, new DateOnly(2030, 1, 1));

        Assert.Equal(first["assessing"].Files[0].Rows, later["assessing"].Files[0].Rows);
        Assert.NotEqual(Hashes(first)["hydrants/hydrants"], Hashes(later)["hydrants/hydrants"]);
        var (_, hydrants) = GeneratedFiles.ReadCsv(later["hydrants"].Files[0].Path);
        Assert.All(hydrants.Where(h => h["LAST_FLOW_TEST"].Length > 0), h => Assert.InRange(string.CompareOrdinal(h["LAST_FLOW_TEST"], "2022-01-01"), 0, int.MaxValue));
    }

    /// <summary>SHA-256 of each generated file, keyed by feed and role.</summary>
    private static Dictionary<string, string> Hashes(FeedFileSet set) =>
        set.Feeds.SelectMany(f => f.Files.Where(file => file.Generated).Select(file => (Key: $"{f.Slug}/{file.Role}", file.Path)))
            .ToDictionary(p => p.Key, p => GeneratedFiles.Sha256(p.Path));

    public void Dispose() => GeneratedFiles.DeleteQuietly(_root);
}
