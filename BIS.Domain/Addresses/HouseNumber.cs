namespace BIS.Domain.Addresses;

/// <summary>A house number or range, ordered low to high; <see cref="Low"/> is null when the address has no number.</summary>
internal readonly record struct HouseNumber(int? Low, string? LowSuffix, int? High, string? HighSuffix)
{
    public const string Half = "1/2";

    public bool IsRange => High != Low || HighSuffix != LowSuffix;

    /// <summary>
    /// Orders the two ends ("102 100 WHITE ST", "166A to 166" are written high first in the feeds) so that every
    /// spelling of a range gets the same low end, and drops house number 0, which Boston uses for "no number".
    /// </summary>
    public static HouseNumber Create(int? low, string? lowSuffix, int? high, string? highSuffix)
    {
        if (low is 0)
        {
            (low, lowSuffix) = (null, null);
        }

        if (high is 0)
        {
            (high, highSuffix) = (null, null);
        }

        if (low is null)
        {
            (low, lowSuffix, high, highSuffix) = (high, highSuffix, null, null);
        }

        if (low is null)
        {
            return default;
        }

        if (high is null)
        {
            return new HouseNumber(low, lowSuffix, low, lowSuffix);
        }

        return Compare(high.Value, highSuffix, low.Value, lowSuffix) < 0
            ? new HouseNumber(high, highSuffix, low, lowSuffix)
            : new HouseNumber(low, lowSuffix, high, highSuffix);
    }

    private static int Compare(int a, string? aSuffix, int b, string? bSuffix)
    {
        var byNumber = a.CompareTo(b);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(aSuffix ?? string.Empty, bSuffix ?? string.Empty);
    }
}
