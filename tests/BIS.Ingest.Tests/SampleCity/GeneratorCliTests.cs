using BIS.Ingest.SampleCity;

namespace BIS.Ingest.Tests.SampleCity;

public sealed class GeneratorCliTests : IDisposable
{
    private readonly string _root = GeneratedFiles.NewTempDirectory("cli");

    [Theory]
    [InlineData]
    [InlineData("generate")]
    [InlineData("generate", "synthetic", "--out")]
    [InlineData("generate", "synthetic", "--buildings", "lots", "--out", "x")]
    [InlineData("generate", "synthetic", "--buildings", "10")]
    [InlineData("generate", "sample", "--out", "x")]
    [InlineData("generate", "town", "--out", "x")]
    [InlineData("generate", "synthetic", "--buildings", "10", "--out", "x", "--as-of", "tomorrow")]
    [InlineData("generate", "mutate", "--set", "x", "--feed", "nope")]
    public void Bad_arguments_are_a_usage_error(params string[] args)
    {
        var error = new StringWriter();
        Assert.Equal(2, GeneratorCli.Run(args, TextWriter.Null, error));
        Assert.Contains("usage", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Synthetic_command_writes_the_city_and_says_where()
    {
        var output = new StringWriter();
        var directory = Path.Combine(_root, "city");

        var code = GeneratorCli.Run(["generate", "synthetic", "--buildings", "200", "--out", directory, "--seed", "4", "--as-of", "2026-11-01"], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains(directory, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("feeds.json", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, FeedFileSet.Load(directory).Seed);

        var mutate = GeneratorCli.Run(["mutate", "--set", directory, "--feed", "hydrants", "--share", "0.1"], output, TextWriter.Null);
        Assert.Equal(0, mutate);
        Assert.Contains("hydrants", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_real_data_directory_is_reported_not_thrown()
    {
        var error = new StringWriter();
        var code = GeneratorCli.Run(["sample", "--real", Path.Combine(_root, "nowhere"), "--out", Path.Combine(_root, "out")], TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Contains("parcels_fy2013_ward01.geojson", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => GeneratedFiles.DeleteQuietly(_root);
}
