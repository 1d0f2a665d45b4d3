using BIS.Domain.Feeds;
using BIS.Ingest.Database;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using BIS.Web.Live;
using BIS.Web.Lookup;
using BIS.Web.Map;
using BIS.Web.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BIS.Web.Tests.Resilience;

/// <summary>
/// The background loops meet an exception that is not a database error (every connection they open
/// fails twice with InvalidOperationException): they log it, back off and go on, and the host, which
/// stops on an escaped background exception, keeps running.
/// </summary>
public sealed class BackgroundLoopTests : IAsyncLifetime
{
    private const int Failures = 2;

    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();
    private int _opens;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        using var ingest = IngestHost.Build(_database.ConnectionString, null, _city.FeedSettings());
        Assert.Equal(FeedRunStatus.Succeeded, (await ingest.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Assessing, "test", CancellationToken.None)).Status);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _city.Dispose();
    }

    [Fact]
    public async Task The_change_listener_outlives_an_unexpected_exception_and_listens()
    {
        using var host = Host<DatabaseChangeListener>();
        await host.StartAsync();

        await host.Services.GetRequiredService<DatabaseChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(Volatile.Read(ref _opens) > Failures, "The loop never met the failures.");
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_tile_seeder_outlives_an_unexpected_exception_and_cuts_the_tiles()
    {
        using var host = Host<TileSeeder>();
        await host.StartAsync();

        var caches = host.Services.GetRequiredService<LookupCaches>();
        var (x, y) = SlippyTiles.At(42.36770, -71.03660, 17);
        await Eventually.HoldsAsync(() => caches.Tiles.Holds((17, x, y)), TimeSpan.FromSeconds(60), "The seeder did not cut the tiles after the failures.");

        Assert.True(Volatile.Read(ref _opens) > Failures, "The loop never met the failures.");
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }

    /// <summary>A host running one background loop, as BIS.Web registers it, over data sources whose first opens throw.</summary>
    private IHost Host<TLoop>()
        where TLoop : class, IHostedService
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddBisResilience();
        builder.Services.AddSingleton(_ => FailingFirst());
        builder.Services.AddKeyedSingleton(LookupDataSource.Key, (_, _) => FailingFirst());
        builder.Services.AddSingleton<LiveUpdates>();
        builder.Services.AddOptions<LookupCacheOptions>();
        builder.Services.AddOptions<MapOptions>();
        builder.Services.AddSingleton<LookupCaches>();
        builder.Services.AddSingleton<TLoop>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TLoop>());
        return builder.Build();
    }

    private NpgsqlDataSource FailingFirst() =>
        new NpgsqlDataSourceBuilder(_database.ConnectionString)
            .UsePhysicalConnectionInitializer(
                _ => throw new NotSupportedException("Only async opens here."),
                _ => Interlocked.Increment(ref _opens) <= Failures
                    ? throw new InvalidOperationException("Not a database error: a bug, say.")
                    : Task.CompletedTask)
            .UseNetTopologySuite()
            .Build();
}
