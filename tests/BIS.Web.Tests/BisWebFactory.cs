using BIS.Domain.Feeds;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests;

/// <summary>
/// BIS.Web in-process on a fresh real database loaded with the mini city (assessing + violations)
/// through the real pipeline.
/// </summary>
public class BisWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database;

    /// <summary>A key-encryption key of this test's own (32 random bytes, base64, owner-only), as infra/bis makes one.</summary>
    private readonly Lazy<string> _keyEncryptionKeyFile = new(() =>
    {
        var file = Path.Combine(Path.GetTempPath(), $"bis-test-kek-{Guid.NewGuid():N}");
        File.WriteAllText(file, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return file;
    });

    private bool _disposed;

    public BisWebFactory()
        : this(new TestDatabase())
    {
    }

    /// <summary>On another server's database (a <see cref="PrivateCluster"/>'s).</summary>
    protected BisWebFactory(TestDatabase database)
    {
        _database = database;
    }

    public MiniCity City { get; } = new();

    public TestDatabase Database => _database;

    /// <summary>Whether Quartz runs in the app; off by default so tests decide when feeds run.</summary>
    protected virtual bool RunScheduler => false;

    /// <summary>A CAD API key registered for the tests; <see cref="CreateCadClient"/> sends it.</summary>
    public const string CadKey = "test-cad-key-0123456789";

    public const string DispatcherPassword = "dispatcher-test-password";

    public virtual async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await ApiKeyAuthentication.RegisterAsync(_database.DataSource, "test-cad", CadKey, CancellationToken.None);
        var accounts = Services.GetRequiredService<LocalAccounts>();
        await accounts.CreateAsync("dispatcher", "Test Dispatcher", BisRoles.Dispatcher, null, DispatcherPassword, CancellationToken.None);
        await accounts.CreateAsync("steward", "Test Steward", BisRoles.Steward, null, "steward-test-password", CancellationToken.None);
        await LoadAsync(Services.GetRequiredService<FeedRunner>());
    }

    /// <summary>The feeds the tests start with: the mini city's assessing and violations.</summary>
    protected virtual async Task LoadAsync(FeedRunner runner)
    {
        await runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None);
        await runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
    }

    /// <summary>Where the feeds read from.</summary>
    protected virtual Dictionary<string, string?> FeedSettings() => City.FeedSettings();

    /// <summary>
    /// What this node is configured with; a second node on the same database starts from the same. As in
    /// production, requests are served by the runtime role and feeds are loaded by the schema owner, and the
    /// Data Protection keys in the database are encrypted with a key-encryption key.
    /// </summary>
    public Dictionary<string, string?> NodeSettings()
    {
        var settings = FeedSettings();
        settings["Units:RosterFile"] = Path.Combine(RepoPaths.Root, "infra", "sample-city", "units.csv");
        settings["Database:ConnectionString"] = _database.RuntimeConnectionString;
        settings["Database:OwnerConnectionString"] = _database.ConnectionString;
        settings["Database:MigrateOnStartup"] = "false";
        settings["Ingest:RunScheduler"] = RunScheduler ? "true" : "false";
        settings["Security:DataProtection:KeyEncryptionKeyFile"] = KeyEncryptionKeyFile;
        // Test hosts run side by side: each one's metrics listener on a free port of its own.
        settings.TryAdd("Metrics:Port", "0");
        return settings;
    }

    /// <summary>The file <see cref="NodeSettings"/> points Security:DataProtection:KeyEncryptionKeyFile at.</summary>
    public string KeyEncryptionKeyFile => _keyEncryptionKeyFile.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(NodeSettings()));
    }

    /// <summary>A client authenticated as the CAD system.</summary>
    public HttpClient CreateCadClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, CadKey);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await base.DisposeAsync();
        await _database.DisposeAsync();
        City.Dispose();
        if (_keyEncryptionKeyFile.IsValueCreated)
        {
            File.Delete(_keyEncryptionKeyFile.Value);
        }

        GC.SuppressFinalize(this);
    }
}
