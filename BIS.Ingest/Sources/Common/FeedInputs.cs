using BIS.Domain.Feeds;
using BIS.Ingest.Pipeline;

namespace BIS.Ingest.Sources.Common;

public static class FeedInputs
{
    /// <summary>The files of <paramref name="role"/>; refuses the run when there are none.</summary>
    public static IReadOnlyList<FeedFile> Required(this FeedInput input, FeedKind feed, string role)
    {
        var files = input.WithRole(role).ToList();
        return files.Count > 0
            ? files
            : throw new FeedRefusedException($"The {feed.Slug()} feed needs an input with role '{role}' and has none");
    }

    /// <summary>Names a file in row messages only when the run has several, where line numbers alone are ambiguous.</summary>
    public static string? SourceName(this IReadOnlyList<FeedFile> files, FeedFile file) => files.Count > 1 ? file.Location : null;
}
