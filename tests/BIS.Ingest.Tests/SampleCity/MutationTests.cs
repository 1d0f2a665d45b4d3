using BIS.Ingest.SampleCity;

namespace BIS.Ingest.Tests.SampleCity;

public sealed class MutationTests : IDisposable
{
    private readonly string _root = GeneratedFiles.NewTempDirectory("mutate");

    [Fact]
    public void Mutating_one_percent_of_violations_changes_removes_and_adds_rows_of_that_feed_only()
    {
        var set = SyntheticCityGenerator.Generate(Path.Combine(_root, "city"), 3_000, seed: 2);
        var before = AllHashes(set);
        var (_, original) = GeneratedFiles.ReadCsv(set["violations"].Files[0].Path);

        var mutation = SyntheticCityGenerator.MutateFeed(set, "violations", 0.01, seed: 9);

        Assert.Equal(set["violations"].Files[0].Path, mutation.Path);
        var (_, rows) = GeneratedFiles.ReadCsv(mutation.Path);
        Assert.Equal(mutation.RowsAfter, rows.Count);
        Assert.Equal(original.Count - mutation.Removed + mutation.Added, rows.Count);
        var touched = mutation.Changed + mutation.Removed + mutation.Added;
        Assert.InRange(touched, original.Count * 0.005, original.Count * 0.02);
        Assert.True(mutation.Changed > 0 && mutation.Removed > 0 && mutation.Added > 0);

        var originalKeys = original.Where(r => r["case_no"].Length > 0).Select(r => r["case_no"]).ToHashSet();
        var newCases = rows.Where(r => r["case_no"].Length > 0 && !originalKeys.Contains(r["case_no"])).ToList();
        Assert.Equal(mutation.Added, newCases.Count);
        var statusChanges = original.Zip(rows).Count(p => p.First["case_no"] == p.Second["case_no"] && p.First["status"] != p.Second["status"]);
        Assert.True(statusChanges > 0);

        // Only the violations file changed, and the saved manifest knows its new row count.
        var after = AllHashes(mutation.Set);
        Assert.Single(before.Keys, k => before[k] != after[k]);
        Assert.Equal(rows.Count, FeedFileSet.Load(set.Directory)["violations"].Files[0].Rows);

        // Mutate returns the set itself, the way the benchmark uses it.
        var again = SyntheticCityGenerator.Mutate(mutation.Set, "inspections", 0.05, seed: 4);
        Assert.Equal(GeneratedFiles.ReadPlanItems(again["inspections"].Files[0].Path).Count, again["inspections"].Rows);
    }

    [Fact]
    public void Mutating_a_real_file_writes_a_copy_and_leaves_the_real_file_alone()
    {
        var set = SampleCityGenerator.Generate(GeneratedFiles.RealData, Path.Combine(_root, "sample"), seed: 1);
        var real = set["violations"].Files[0].Path;
        var hash = GeneratedFiles.Sha256(real);

        var mutation = SyntheticCityGenerator.MutateFeed(set, "violations", 0.02, seed: 1);

        Assert.Equal(hash, GeneratedFiles.Sha256(real));
        Assert.StartsWith(set.Directory, mutation.Path, StringComparison.Ordinal);
        Assert.NotEqual(hash, GeneratedFiles.Sha256(mutation.Path));
        Assert.Contains("mutated", mutation.Set["violations"].SourceName, StringComparison.Ordinal);
        Assert.True(mutation.Set["violations"].Files[0].Generated);
    }

    [Fact]
    public void Assessment_mutations_change_values_but_keep_every_parcel()
    {
        var set = SyntheticCityGenerator.Generate(Path.Combine(_root, "assess"), 1_000, seed: 3);
        var mutation = SyntheticCityGenerator.MutateFeed(set, "assessing", 0.05, seed: 3);

        Assert.Equal(0, mutation.Removed);
        Assert.Equal(0, mutation.Added);
        Assert.True(mutation.Changed > 20);
        Assert.Equal(mutation.RowsBefore, mutation.RowsAfter);
        Assert.EndsWith("property_assessment.csv", mutation.Path, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> AllHashes(FeedFileSet set) =>
        set.Feeds.SelectMany(f => f.Files).ToDictionary(f => f.Path, f => GeneratedFiles.Sha256(f.Path));

    public void Dispose() => GeneratedFiles.DeleteQuietly(_root);
}
