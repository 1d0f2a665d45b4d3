using BIS.Domain.Feeds;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BIS.Ingest.Tests.Pipeline;

/// <summary>
/// The inspections feed as the HTTP JSON API it is: a real Kestrel server on loopback serves two
/// pages linked by "next"; the run fetches both, and a failing API refuses the run.
/// </summary>
public sealed class HttpFeedTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly MiniCity _city = new();
    private WebApplication _api = null!;
    private string _baseUrl = null!;
    private bool _failing;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _api = builder.Build();
        _api.MapGet("/api/plans", (HttpContext context, int? page) =>
        {
            if (_failing)
            {
                return Results.StatusCode(503);
            }

            return page == 2 ? Results.Text(Page2, "application/json") : Results.Text(Page1(), "application/json");
        });
        await _api.StartAsync();
        _baseUrl = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    public void Dispose() => _city.Dispose();

    [Fact]
    public async Task All_pages_are_fetched_and_linked()
    {
        using var host = BuildHost();
        var runner = host.Services.GetRequiredService<FeedRunner>();
        Assert.Equal(FeedRunStatus.Succeeded, (await runner.RunAsync(FeedKind.Assessing, "test", CancellationToken.None)).Status);

        var result = await runner.RunAsync(FeedKind.Inspections, "test", CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, result.Status);
        Assert.Equal(2, result.RowsAccepted);
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(*) FROM feed_record WHERE feed = 'inspections' AND building_id IS NOT NULL"));
    }

    [Fact]
    public async Task A_failing_api_refuses_the_run_and_says_why()
    {
        _failing = true;
        using var host = BuildHost();
        var result = await host.Services.GetRequiredService<FeedRunner>().RunAsync(FeedKind.Inspections, "test", CancellationToken.None);
        Assert.Equal(FeedRunStatus.Refused, result.Status);
        Assert.Contains("503", result.Message, StringComparison.Ordinal);
    }

    private IHost BuildHost()
    {
        var settings = _city.FeedSettings();
        settings["Feeds:Sources:inspections:SourceName"] = "Plans API (test)";
        settings["Feeds:Sources:inspections:Files:0:Role"] = "plans";
        settings["Feeds:Sources:inspections:Files:0:Location"] = _baseUrl + "/api/plans";
        settings["Feeds:Sources:inspections:Files:0:Paged"] = "true";
        return IngestHost.Build(_database.ConnectionString, null, settings);
    }

    // Page 1 links to page 2 relatively, as many APIs do; the fetcher resolves it against page 1.
    private static string Page1() => """
        { "items": [ { "planId": "PIP-1", "address": "302 Sumner St, East Boston MA 02128", "parcelId": "0102280000",
                       "inspectedOn": "2024-06-14", "sprinkler": "none", "trussRoof": true } ],
          "next": "/api/plans?page=2" }
        """;

    private const string Page2 = """
        { "items": [ { "planId": "PIP-2", "address": "100 Meridian Street", "inspectedOn": "2024-07-01",
                       "sprinkler": "full", "standpipe": true, "knoxBoxLocation": "Left of main door" } ],
          "next": null }
        """;
}
