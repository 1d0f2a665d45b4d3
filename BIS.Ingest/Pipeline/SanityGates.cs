namespace BIS.Ingest.Pipeline;

/// <summary>Refuses a run whose input, taken as a whole, looks wrong, so the last good data stays live.</summary>
public static class SanityGates
{
    public static void Check(long accepted, long read, long lastGoodAccepted, double maxDropShare)
    {
        if (read == 0)
        {
            throw new FeedRefusedException("The input has no data rows.");
        }

        if (accepted == 0)
        {
            throw new FeedRefusedException($"None of the {read:N0} rows was valid.");
        }

        if (lastGoodAccepted > 0 && accepted < lastGoodAccepted * (1 - maxDropShare))
        {
            throw new FeedRefusedException(
                $"Row count collapsed: {accepted:N0} valid rows against {lastGoodAccepted:N0} in the last good run " +
                $"(more than {maxDropShare:P0} fewer). Check the export; the last good data stays live.");
        }
    }
}
