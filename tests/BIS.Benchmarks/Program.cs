using BIS.Benchmarks.Ingest;
using BIS.Benchmarks.Lookup;
using BIS.Benchmarks.Push;

// infra/bis bench [ingest] [--buildings N]
// infra/bis bench parse [--buildings N]      (the readers alone, no database)
// infra/bis bench lookup [--buildings N] [--seconds S] [--clients C]
// infra/bis bench push [--clients C] [--seconds S] [--storm N] [--rate R] [--warmup W]   (defaults 1000, 60, 50, 10 incidents/s, 20 s)
// Every benchmark ends by printing one line per figure: "figure <name> <value> <unit>".
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "ingest";
var buildings = ReadInt(args, "--buildings", 200_000);

switch (what)
{
    case "ingest":
        await IngestBenchmark.RunAsync(buildings);
        return 0;
    case "parse":
        ParseBenchmark.Run(buildings);
        return 0;
    case "lookup":
        return await LookupBenchmark.RunAsync(buildings, ReadInt(args, "--seconds", 60), ReadInt(args, "--clients", 50));
    case "push":
        return await PushBenchmark.RunAsync(ReadInt(args, "--clients", 1000), ReadInt(args, "--seconds", 60), ReadInt(args, "--storm", 50), ReadInt(args, "--rate", 10),
            ReadInt(args, "--warmup", 20));
    default:
        Console.Error.WriteLine($"Unknown benchmark '{what}'. Known: ingest, parse, lookup, push.");
        return 2;
}

static int ReadInt(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
