using BIS.Ingest.Feeds;
using BIS.Ingest.Pipeline;
using BIS.Ingest.SampleCity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BIS.Web.Tests.EndToEnd;

/// <summary>
/// BIS.Web on real Kestrel (loopback, a free port) over the whole sample city loaded through the real
/// pipeline, and Debian's Chromium driven by Playwright. One per test class: loading the city takes a while.
/// </summary>
public sealed class ConsoleServer : BisWebFactory
{
    private readonly string _cityDirectory = Directory.CreateTempSubdirectory("bis-e2e-city-").FullName;
    private string _manifest = "";
    private IPlaywright? _playwright;

    /// <summary>The building whose owner in the source file is <see cref="SampleCityFiles.HostileOwner"/>.</summary>
    public const string HostileBuilding = "304 SUMNER ST";

    public string BaseAddress { get; private set; } = "";

    /// <summary>The generated city's folder; tests change its files to make a feed run change something.</summary>
    public string CityDirectory => _cityDirectory;

    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(BIS.TestSupport.RepoPaths.Root, "var", "screenshots")).FullName;

    public override async Task InitializeAsync()
    {
        _manifest = SampleCityFiles.Generate(_cityDirectory, "304", "SUMNER");
        UseKestrel(0);
        await base.InitializeAsync();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BIS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    protected override Dictionary<string, string?> FeedSettings()
    {
        var settings = FeedManifestConfiguration.SettingsOf(FeedFileSet.Load(_manifest));
        settings["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0";
        return settings;
    }

    protected override Task LoadAsync(FeedRunner runner) => runner.RunTogetherAsync(FeedLoadOrder.All, "test", CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Serve the console's scripts and styles from the build output, as a development host would.
        builder.UseStaticWebAssets();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
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
