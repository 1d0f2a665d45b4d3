using Microsoft.Extensions.Caching.Memory;

namespace BIS.Web.Lookup;

/// <summary>
/// A bounded, short-lived cache of lookup answers, emptied whenever a feed run changes the index
/// (<see cref="LookupCaches.InvalidateAll"/>). An answer read from the database while an invalidation
/// happens is served but not kept: a generation counter, taken before the read and compared after,
/// tells the two apart, so a cleared cache can never be refilled with what was true before the change.
/// </summary>
/// <param name="capacity">How much the cache holds, in entries or in the units of <paramref name="sizeOf"/>; 0 turns it off.</param>
public sealed class LookupCache<TKey, TValue>(long capacity, TimeSpan lifetime, Func<TValue, long>? sizeOf = null) : IDisposable
    where TKey : notnull
    where TValue : class
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, capacity) });
    private long _generation;
    private long _hits;
    private long _misses;

    public long Capacity => capacity;

    public TimeSpan Lifetime => lifetime;

    public bool Enabled => capacity > 0 && lifetime > TimeSpan.Zero;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The cached answer, or the factory's (kept when it is not null and nothing changed meanwhile).</summary>
    public async Task<TValue?> GetOrReadAsync(TKey key, Func<CancellationToken, Task<TValue?>> read, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return await read(cancellationToken);
        }

        if (_entries.TryGetValue(key, out TValue? cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        Interlocked.Increment(ref _misses);
        var generation = Generation;
        var value = await read(cancellationToken);
        if (value is not null)
        {
            Keep(key, value, generation);
        }

        return value;
    }

    /// <summary>Whether an answer is kept for the key (without counting a hit).</summary>
    public bool Holds(TKey key) => _entries.TryGetValue(key, out _);

    /// <summary>Counts the clears; an answer read under one generation is kept only while it lasts.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Keeps (or replaces) an answer read while <paramref name="generation"/> was current; false if the cache was cleared since.</summary>
    public bool Keep(TKey key, TValue value, long generation)
    {
        if (!Enabled || Generation != generation)
        {
            return false;
        }

        _entries.Set(key, value, new MemoryCacheEntryOptions { Size = sizeOf?.Invoke(value) ?? 1, AbsoluteExpirationRelativeToNow = lifetime });
        if (Generation != generation)
        {
            // Cleared between the check and the write: the clear may have run before the write landed.
            _entries.Remove(key);
            return false;
        }

        return true;
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    public void Dispose() => _entries.Dispose();
}
