using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// A fresh database per test with the <see cref="MiniCity"/> loaded through the real pipeline:
/// assessing, then violations (the city's two rows unless <see cref="FirstViolations"/> says otherwise).
/// </summary>
public abstract class MiniCityRunTests : IAsyncLifetime, IDisposable
{
    protected TestDatabase Database { get; } = new();
    protected MiniCity City { get; } = new();
    protected IHost TestHost { get; private set; } = null!;
    protected FeedRunner Runner => TestHost.Services.GetRequiredService<FeedRunner>();
    protected FeedRunResult FirstViolationsRun { get; private set; } = null!;

    /// <summary>The violation rows of the first load; null keeps the city's own.</summary>
    protected virtual string[]? FirstViolations => null;

    /// <summary>Configuration for the host, starting from the city's feeds; a test class may add to it.</summary>
    protected virtual Dictionary<string, string?> Settings() => City.FeedSettings();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        TestHost = IngestHost.Build(Database.ConnectionString, manifestPath: null, Settings());
        Assert.Equal(FeedRunStatus.Succeeded, (await Runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None)).Status);
        if (FirstViolations is { } rows)
        {
            City.WriteViolations(rows);
        }

        FirstViolationsRun = await Runner.RunAsync(FeedKind.Violations, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, FirstViolationsRun.Status);
    }

    public virtual async Task DisposeAsync()
    {
        TestHost.Dispose();
        await Database.DisposeAsync();
    }

    public void Dispose()
    {
        City.Dispose();
        GC.SuppressFinalize(this);
    }
}
