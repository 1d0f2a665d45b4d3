using System.Globalization;

namespace BIS.Ingest.Pipeline;

/// <summary>Refuses a run whose input, taken as a whole, looks wrong, so the last good data stays live.</summary>
public static class SanityGates
{
    /// <param name="accepted">Valid rows in this run's input.</param>
    /// <param name="read">Data rows in this run's input.</param>
    /// <param name="lastGoodAccepted">Valid rows in the last good run's input (0: none yet).</param>
    /// <param name="maxDropShare">The share of valid rows that may be lost against the last good run.</param>
    /// <param name="overruled">A steward applies this run on purpose: the row-count gate, a judgment, is passed.</param>
    public static void Check(long accepted, long read, long lastGoodAccepted, double maxDropShare, bool overruled = false)
    {
        if (read == 0)
        {
            throw new FeedRefusedException("The input has no data rows.");
        }

        if (accepted == 0)
        {
            throw new FeedRefusedException($"None of the {read:N0} rows was valid.");
        }

        if (!overruled && lastGoodAccepted > 0 && accepted < lastGoodAccepted * (1 - maxDropShare))
        {
            throw new FeedRefusedException(
                $"Row count collapsed: {accepted:N0} valid rows against {lastGoodAccepted:N0} in the last good run " +
                $"(more than {maxDropShare:P0} fewer). Check the export; the last good data stays live.",
                RefusalGate.RowCount);
        }
    }

    /// <summary>
    /// Refuses a run that would delete more than <paramref name="maxShare"/> of the feed's live records: an
    /// export cut at a row boundary (a download that stopped, a query that timed out) reads as valid rows and
    /// passes the row-count gate, and every record missing from it would be deleted as gone from the source —
    /// hazards vanishing from the dispatcher's card until the next full file.
    /// </summary>
    /// <param name="feed">The feed's name, as the steward knows it.</param>
    /// <param name="live">The feed's current records before this run.</param>
    /// <param name="gone">Current records this run would delete.</param>
    /// <param name="maxShare">The share of live records a run may delete.</param>
    /// <param name="grace">Deletions a run may always make: a 20-record feed must be able to lose a closed case.</param>
    /// <param name="overruled">A steward applies this run on purpose.</param>
    public static void CheckDeletions(string feed, long live, long gone, double maxShare, int grace, bool overruled = false)
    {
        if (overruled || live == 0 || gone <= grace || gone <= live * maxShare)
        {
            return;
        }

        var percent = (100.0 * gone / live).ToString(gone * 10 < live ? "0.#" : "0", CultureInfo.InvariantCulture);
        var feeds = feed.EndsWith('s') ? feed + "'" : feed + "'s";
        throw new FeedRefusedException(
            $"Would delete {percent} % of {feeds} {live:N0} live records ({gone:N0} are missing from this input; at most {maxShare:P0} may go in one run): " +
            $"the last good data is still live. Check the export; if the records really are gone, apply the run on purpose " +
            $"(BIS.Ingest run {feed} --accept).",
            RefusalGate.Deletion);
    }
}
