using BIS.Ingest.Feeds;
using BIS.Ingest.Pipeline;
using BIS.Ingest.SampleCity;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>
/// BIS.Web on real Kestrel over the whole sample city loaded through the real pipeline, and Debian's
/// Chromium driven by Playwright. One per test class: loading the city takes a while.
/// </summary>
public sealed class ConsoleServer : BrowserServer
{
    private readonly string _cityDirectory = Directory.CreateTempSubdirectory("bis-e2e-city-").FullName;
    private string _manifest = "";

    /// <summary>The building whose owner in the source file is <see cref="SampleCityFiles.HostileOwner"/>.</summary>
    public const string HostileBuilding = "304 SUMNER ST";

    /// <summary>The generated city's folder; tests change its files to make a feed run change something.</summary>
    public string CityDirectory => _cityDirectory;

    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(BIS.TestSupport.RepoPaths.Root, "var", "screenshots")).FullName;

    public override Task InitializeAsync()
    {
        _manifest = SampleCityFiles.Generate(_cityDirectory, "304", "SUMNER");
        return base.InitializeAsync();
    }

    protected override Dictionary<string, string?> FeedSettings() => FeedManifestConfiguration.SettingsOf(FeedFileSet.Load(_manifest));

    protected override Task LoadAsync(FeedRunner runner) => runner.RunTogetherAsync(FeedLoadOrder.All, "test", CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_cityDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
