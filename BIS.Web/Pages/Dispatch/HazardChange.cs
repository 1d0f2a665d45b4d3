using BIS.Domain.Hazards;
using BIS.Web.Lookup;

namespace BIS.Web.Pages.Dispatch;

/// <summary>What a feed run changed on a card the dispatcher has open: flags added and flags gone.</summary>
public sealed record HazardChange(DateTimeOffset At, string Feed, IReadOnlyList<HazardFlag> Added, IReadOnlyList<HazardFlag> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;

    public static HazardChange Between(BuildingSummary before, BuildingSummary after, string feed, DateTimeOffset at)
    {
        var old = before.Flags.Select(f => f.Flag).ToList();
        var now = after.Flags.Select(f => f.Flag).ToList();
        return new HazardChange(at, feed,
            now.Where(f => !old.Any(o => Same(o, f))).ToList(),
            old.Where(o => !now.Any(f => Same(o, f))).ToList());
    }

    // Same source record and same statement: a changed title or severity shows as removed + added.
    private static bool Same(HazardFlag a, HazardFlag b) =>
        a.Kind == b.Kind && a.SourceRecordId == b.SourceRecordId && a.Title == b.Title && a.Severity == b.Severity;
}
