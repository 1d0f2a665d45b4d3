using BIS.Web.Lookup;

namespace BIS.Web.Tests.Lookup;

public sealed class LookupCacheTests
{
    [Fact]
    public async Task An_answer_read_while_the_cache_is_emptied_is_served_but_not_kept()
    {
        using var cache = new LookupCache<long, string>(100, TimeSpan.FromMinutes(5));
        var reads = 0;

        // The feed run commits (and the cache is emptied) while this read is between its query and its answer.
        var served = await cache.GetOrReadAsync(1, _ =>
        {
            reads++;
            cache.Clear();
            return Task.FromResult<string?>("before the run");
        }, CancellationToken.None);
        var next = await cache.GetOrReadAsync(1, _ => { reads++; return Task.FromResult<string?>("after the run"); }, CancellationToken.None);

        Assert.Equal("before the run", served);
        Assert.Equal("after the run", next);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Answers_are_kept_until_cleared_and_nothing_is_kept_for_no_building()
    {
        using var cache = new LookupCache<long, string>(100, TimeSpan.FromMinutes(5));
        var reads = 0;
        Task<string?> Read(CancellationToken _) { reads++; return Task.FromResult<string?>(reads == 1 ? null : "found"); }

        Assert.Null(await cache.GetOrReadAsync(7, Read, CancellationToken.None));
        Assert.Equal("found", await cache.GetOrReadAsync(7, Read, CancellationToken.None));
        Assert.Equal("found", await cache.GetOrReadAsync(7, Read, CancellationToken.None));
        Assert.Equal(2, reads);
        Assert.Equal(1, cache.Hits);

        cache.Clear();
        await cache.GetOrReadAsync(7, Read, CancellationToken.None);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_capacity_of_zero_turns_the_cache_off()
    {
        using var cache = new LookupCache<long, string>(0, TimeSpan.FromMinutes(5));
        var reads = 0;
        for (var i = 0; i < 3; i++)
        {
            await cache.GetOrReadAsync(1, _ => { reads++; return Task.FromResult<string?>("x"); }, CancellationToken.None);
        }

        Assert.Equal(3, reads);
        Assert.False(cache.Enabled);
    }
}
