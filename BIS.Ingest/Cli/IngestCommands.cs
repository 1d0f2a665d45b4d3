using BIS.Domain.Feeds;
using BIS.Ingest.Database;
using BIS.Ingest.Feeds;
using BIS.Ingest.HazardIndex;
using BIS.Ingest.Ledger;
using BIS.Ingest.Pipeline;
using BIS.Ingest.SampleCity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BIS.Ingest.Cli;

/// <summary>
/// Command-line verbs of BIS.Ingest:
///   migrate                       apply pending migrations
///   run &lt;feed&gt;|all [--force]        run feeds now, together: one transaction, the index rebuilt once
///                                 (all = dependency order: assessing first)
///   run &lt;feed&gt; --accept [--by NAME]  apply the feed's refused run on purpose (its input as refused)
///   generate sample|synthetic …   write feed files (see GeneratorCli)
/// Configuration overrides may follow as --Section:Key=value.
/// </summary>
public static class IngestCommands
{
    private static readonly string[] Verbs = ["migrate", "run", "reindex", "generate"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0].ToLowerInvariant();
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal) || !a.Contains(':', StringComparison.Ordinal)).ToArray();
        var configArgs = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray();

        if (verb == "generate")
        {
            return GeneratorCli.Run(positional);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddBisDefaults(builder.Environment.ContentRootPath);
        builder.Configuration["Ingest:RunScheduler"] = "false";
        // The command prints one line per run itself; the log would only repeat it.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Services.AddBisIngest(builder.Configuration);
        using var host = builder.Build();

        host.Services.GetRequiredService<Migrator>().Migrate();
        if (verb == "migrate")
        {
            Console.WriteLine("Database is up to date.");
            return 0;
        }

        return verb == "reindex" ? await ReindexAsync(host.Services) : await RunFeedsAsync(host.Services, positional);
    }

    /// <summary>Re-evaluates every building with the rules as configured now (after editing HazardRules, say).</summary>
    private static async Task<int> ReindexAsync(IServiceProvider services)
    {
        using var cancel = CancelOnCtrlC();
        var result = await services.GetRequiredService<HazardIndexRefresh>().RunAsync("cli", cancel.Token);
        Console.WriteLine($"{result.Feed,-17} {result.Status.ToDb(),-9} buildings changed {result.BuildingsChanged,7:N0}  {result.Elapsed.TotalSeconds,6:F1}s  {result.Message}");
        return result.Status is FeedRunStatus.Succeeded or FeedRunStatus.Unchanged ? 0 : 1;
    }

    /// <summary>"--accept", with who accepts after "--by" (the steward's name) or else the account running the command.</summary>
    private static RunAcceptance? AcceptanceOf(string[] positional)
    {
        if (!positional.Contains("--accept", StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var by = Array.FindIndex(positional, p => p == "--by");
        return by >= 0 && by + 1 < positional.Length && !string.IsNullOrWhiteSpace(positional[by + 1])
            ? new RunAcceptance($"{positional[by + 1].Trim()} (command line)")
            : RunAcceptance.FromCommandLine();
    }

    private static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel;
    }

    private static async Task<int> RunFeedsAsync(IServiceProvider services, string[] positional)
    {
        var force = positional.Contains("--force", StringComparer.OrdinalIgnoreCase);
        var acceptance = AcceptanceOf(positional);
        var names = positional.Where((p, i) => !p.StartsWith("--", StringComparison.Ordinal) && (i == 0 || positional[i - 1] != "--by")).ToList();
        if (names.Count == 0 || (acceptance is not null && (names.Count != 1 || names[0].Equals("all", StringComparison.OrdinalIgnoreCase))))
        {
            Console.Error.WriteLine("usage: run <feed>|all [--force]   or   run <feed> --accept [--by NAME]");
            return 2;
        }

        var feeds = new List<FeedKind>();
        foreach (var name in names)
        {
            if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
            {
                feeds.AddRange(FeedLoadOrder.All);
            }
            else if (FeedKindNames.TryParse(name, out var feed))
            {
                feeds.Add(feed);
            }
            else
            {
                Console.Error.WriteLine($"Unknown feed '{name}'. Feeds: {string.Join(", ", Enum.GetValues<FeedKind>().Select(f => f.Slug()))}, all.");
                return 2;
            }
        }

        var runner = services.GetRequiredService<FeedRunner>();
        using var cancel = CancelOnCtrlC();

        var exit = 0;
        foreach (var result in await runner.RunTogetherAsync(feeds, "cli", cancel.Token, force, acceptance))
        {
            Console.WriteLine(
                $"{result.Feed,-17} {result.Status.ToDb(),-9} read {result.RowsRead,9:N0}  accepted {result.RowsAccepted,9:N0}  " +
                $"warned {result.RowsWarned,7:N0}  rejected {result.RowsRejected,7:N0}  matched {result.RowsMatched,9:N0}  unmatched {result.RowsUnmatched,7:N0}  " +
                $"buildings changed {result.BuildingsChanged,7:N0}  {result.Elapsed.TotalSeconds,6:F1}s  {result.Message}");
            if (result.Status is FeedRunStatus.Failed or FeedRunStatus.Refused or FeedRunStatus.Cancelled)
            {
                exit = 1;
            }
        }

        return exit;
    }
}
