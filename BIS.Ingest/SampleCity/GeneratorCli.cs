using System.Diagnostics;
using System.Globalization;

namespace BIS.Ingest.SampleCity;

/// <summary>
/// Command line for the feed generators:
/// <code>
/// generate sample    --real &lt;dir&gt; --out &lt;dir&gt; [--seed N] [--as-of YYYY-MM-DD]
/// generate synthetic --buildings N --out &lt;dir&gt; [--seed N] [--as-of YYYY-MM-DD]
/// generate mutate    --set &lt;dir&gt; --feed &lt;slug&gt; [--share 0.01] [--seed N]
/// </code>
/// The leading "generate" is optional.
/// </summary>
public static class GeneratorCli
{
    private const string Usage = """
        usage:
          generate sample    --real <dir> --out <dir> [--seed N] [--as-of YYYY-MM-DD]
          generate synthetic --buildings N --out <dir> [--seed N] [--as-of YYYY-MM-DD]
          generate mutate    --set <dir> --feed <slug> [--share 0.01] [--seed N]
        """;

    /// <returns>0 on success, 2 on a usage error, 1 when generation failed.</returns>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var words = args.SkipWhile(a => string.Equals(a, "generate", StringComparison.OrdinalIgnoreCase)).ToList();
        if (words.Count == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (!TryOptions(words.Skip(1).ToList(), out var options, out var problem))
        {
            error.WriteLine(problem + Environment.NewLine + Usage);
            return 2;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            switch (words[0].ToLowerInvariant())
            {
                case "sample":
                    {
                        if (!Require(options, error, "real", "out") || !TryCommon(options, error, out var seed, out var asOf))
                        {
                            return 2;
                        }

                        Report(output, SampleCityGenerator.Generate(options["real"], options["out"], seed, asOf), clock);
                        return 0;
                    }

                case "synthetic":
                    {
                        if (!Require(options, error, "buildings", "out") || !TryCommon(options, error, out var seed, out var asOf))
                        {
                            return 2;
                        }

                        if (!int.TryParse(options["buildings"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var buildings) || buildings < 1)
                        {
                            error.WriteLine($"--buildings must be a positive whole number, not '{options["buildings"]}'." + Environment.NewLine + Usage);
                            return 2;
                        }

                        Report(output, SyntheticCityGenerator.Generate(options["out"], buildings, seed, asOf), clock);
                        return 0;
                    }

                case "mutate":
                    {
                        if (!Require(options, error, "set", "feed") || !TryCommon(options, error, out var seed, out _))
                        {
                            return 2;
                        }

                        var share = 0.01;
                        if (options.TryGetValue("share", out var shareText)
                            && (!double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out share) || share is < 0 or > 1))
                        {
                            error.WriteLine($"--share must be a number between 0 and 1, not '{shareText}'." + Environment.NewLine + Usage);
                            return 2;
                        }

                        if (!FeedFileSet.FeedSlugs.Contains(options["feed"], StringComparer.OrdinalIgnoreCase))
                        {
                            error.WriteLine($"--feed must be one of {string.Join(", ", FeedFileSet.FeedSlugs)}." + Environment.NewLine + Usage);
                            return 2;
                        }

                        var mutation = SyntheticCityGenerator.MutateFeed(FeedFileSet.Load(options["set"]), options["feed"], share, seed);
                        output.WriteLine(FormattableString.Invariant(
                            $"{mutation.FeedSlug}: {mutation.Path} rewritten, {mutation.RowsBefore} → {mutation.RowsAfter} rows ({mutation.Changed} changed, {mutation.Removed} removed, {mutation.Added} added) in {clock.Elapsed.TotalSeconds:F1} s"));
                        return 0;
                    }

                default:
                    error.WriteLine($"Unknown generator '{words[0]}'." + Environment.NewLine + Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            error.WriteLine($"generate failed: {e.Message}");
            return 1;
        }
    }

    private static bool TryOptions(List<string> args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                problem = $"Expected '--name value', got '{args[i]}'.";
                return false;
            }

            options[args[i][2..]] = args[++i];
        }

        return true;
    }

    private static bool Require(Dictionary<string, string> options, TextWriter error, params string[] names)
    {
        var missing = names.Where(n => !options.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine($"Missing {string.Join(", ", missing.Select(m => "--" + m))}." + Environment.NewLine + Usage);
        }

        return missing.Count == 0;
    }

    private static bool TryCommon(Dictionary<string, string> options, TextWriter error, out int seed, out DateOnly? asOf)
    {
        seed = 1;
        asOf = null;
        if (options.TryGetValue("seed", out var seedText) && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            error.WriteLine($"--seed must be a whole number, not '{seedText}'." + Environment.NewLine + Usage);
            return false;
        }

        if (options.TryGetValue("as-of", out var dateText))
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error.WriteLine($"--as-of must be a date like 2026-11-01, not '{dateText}'." + Environment.NewLine + Usage);
                return false;
            }

            asOf = date;
        }

        return true;
    }

    private static void Report(TextWriter output, FeedFileSet set, Stopwatch clock)
    {
        output.WriteLine(FormattableString.Invariant($"{set.Generator} city (seed {set.Seed}, as of {set.AsOf:yyyy-MM-dd}) written to {set.Directory} in {clock.Elapsed.TotalSeconds:F1} s"));
        foreach (var feed in set.Feeds)
        {
            output.WriteLine(FormattableString.Invariant($"  {feed.Slug} — {feed.SourceName}"));
            foreach (var file in feed.Files)
            {
                output.WriteLine(FormattableString.Invariant($"    {file.Role,-11} {file.Rows,10:N0} rows  {file.Path}{(file.Generated ? string.Empty : "  (real)")}"));
            }
        }

        output.WriteLine(FormattableString.Invariant($"  total {set.TotalRows:N0} rows; manifest {set.ManifestPath}"));
    }
}
