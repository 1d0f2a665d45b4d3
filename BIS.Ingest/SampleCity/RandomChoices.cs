namespace BIS.Ingest.SampleCity;

/// <summary>The few kinds of random choice the generators make, all from a seeded <see cref="Random"/>.</summary>
internal static class RandomChoices
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Inclusive on both ends.</summary>
    public static int Between(this Random random, int low, int high) => random.Next(low, high + 1);

    public static double Between(this Random random, double low, double high) => low + random.NextDouble() * (high - low);

    public static DateOnly DateBetween(this Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    public static T Weighted<T>(this Random random, IReadOnlyList<(T Item, double Weight)> choices)
    {
        var total = 0.0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var target = random.NextDouble() * total;
        foreach (var choice in choices)
        {
            target -= choice.Weight;
            if (target < 0)
            {
                return choice.Item;
            }
        }

        return choices[^1].Item;
    }

    /// <summary>
    /// Rows per building when the total should come out near <paramref name="expectedTotal"/> and
    /// heavier buildings should get proportionally more (each draw independent).
    /// </summary>
    public static int[] Allocate(this Random random, IReadOnlyList<double> weights, double expectedTotal)
    {
        var sum = weights.Sum();
        var counts = new int[weights.Count];
        if (sum <= 0)
        {
            return counts;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var expected = expectedTotal * weights[i] / sum;
            var whole = (int)expected;
            counts[i] = whole + (random.NextDouble() < expected - whole ? 1 : 0);
        }

        return counts;
    }

    /// <summary>
    /// Exactly <paramref name="count"/> distinct buildings (1 each, 0 for the others), heavier
    /// ones likelier (Efraimidis–Spirakis weighted sampling without replacement).
    /// </summary>
    public static int[] SelectExactly(this Random random, IReadOnlyList<double> weights, int count)
    {
        var keys = new (double Key, int Index)[weights.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var u = random.NextDouble();
            keys[i] = (weights[i] <= 0 ? double.NegativeInfinity : Math.Log(Math.Max(u, double.Epsilon)) / weights[i], i);
        }

        Array.Sort(keys, (a, b) => b.Key != a.Key ? b.Key.CompareTo(a.Key) : a.Index.CompareTo(b.Index));
        var counts = new int[weights.Count];
        foreach (var (key, index) in keys.Take(Math.Min(count, keys.Length)))
        {
            if (!double.IsNegativeInfinity(key))
            {
                counts[index] = 1;
            }
        }

        return counts;
    }

    /// <summary>An independent stream for one feed, so adding rows to one feed leaves the others unchanged.</summary>
    public static Random ForFeed(int seed, string feed)
    {
        var hash = 17;
        foreach (var c in feed)
        {
            hash = unchecked(hash * 31 + c);
        }

        return new Random(unchecked(seed * 7919 + hash));
    }
}
