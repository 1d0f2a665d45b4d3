namespace BIS.Domain.Hazards;

/// <summary>
/// The order of a hazard card: most severe first, then by kind and source record id, with the
/// remaining fields as tie-breakers so that the same flags always come out in the same order.
/// </summary>
public sealed class HazardFlagComparer : IComparer<HazardFlag>
{
    public static HazardFlagComparer Instance { get; } = new();

    public int Compare(HazardFlag? x, HazardFlag? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        var order = y.Severity.CompareTo(x.Severity);
        if (order == 0) order = string.CompareOrdinal(x.Kind, y.Kind);
        if (order == 0) order = string.CompareOrdinal(x.SourceRecordId, y.SourceRecordId);
        if (order == 0) order = x.Feed.CompareTo(y.Feed);
        if (order == 0) order = string.CompareOrdinal(x.Title, y.Title);
        if (order == 0) order = string.CompareOrdinal(x.Detail, y.Detail);
        if (order == 0) order = string.CompareOrdinal(x.SourceName, y.SourceName);
        if (order == 0) order = Nullable.Compare(x.AsOf, y.AsOf);
        return order;
    }
}
