using BIS.Ingest.SampleCity;

namespace BIS.Ingest.Tests.SampleCity;

/// <summary>The sample city generated once per test class into a temporary directory.</summary>
public sealed class SampleCityFixture : IDisposable
{
    public SampleCityFixture()
    {
        Directory = GeneratedFiles.NewTempDirectory("samplecity");
        Set = SampleCityGenerator.Generate(GeneratedFiles.RealData, Directory, seed: 1);
    }

    public string Directory { get; }

    public FeedFileSet Set { get; }

    public string FileOf(string feed, string role) => Set[feed].Files.Last(f => f.Role == role).Path;

    public void Dispose() => GeneratedFiles.DeleteQuietly(Directory);
}
