namespace BIS.TestSupport;

/// <summary>Where things are in the repository, found from the test binaries by walking up to BIS.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real public Boston samples bundled with the sample city.</summary>
    public static string RealData => Path.Combine(Root, "infra", "sample-city", "real");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BIS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BIS.sln not found above {AppContext.BaseDirectory}.");
    }
}
