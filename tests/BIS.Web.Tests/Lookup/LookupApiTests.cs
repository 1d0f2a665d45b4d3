using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BIS.Web.Tests.Lookup;

/// <summary>The read-only lookup API over HTTP, on a real database loaded by the real pipeline.</summary>
public sealed class LookupApiTests(BisWebFactory factory) : IClassFixture<BisWebFactory>
{
    private readonly HttpClient _client = factory.CreateCadClient();

    [Theory]
    [InlineData("302 Sumner St")]
    [InlineData("302 SUMNER STREET East Boston 02128")]
    [InlineData("300-304 Sumner St")]
    [InlineData("302 Sumnr St")]
    [InlineData("302 sumner")]
    public async Task Search_finds_302_Sumner_in_its_spellings(string query)
    {
        var candidates = await _client.GetFromJsonAsync<JsonElement>($"/api/buildings/search?q={Uri.EscapeDataString(query)}");
        Assert.True(candidates.GetArrayLength() > 0, $"nothing found for '{query}'");
        Assert.Contains(candidates.EnumerateArray(), c => c.GetProperty("address").GetString()!.Contains("302", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_names_source_record_and_age_of_every_flag()
    {
        var id = await FirstIdAsync("302 Sumner St");
        var summary = await _client.GetFromJsonAsync<JsonElement>($"/api/buildings/{id}");
        var flags = summary.GetProperty("flags").EnumerateArray().ToList();
        Assert.NotEmpty(flags);
        foreach (var view in flags)
        {
            var flag = view.GetProperty("flag");
            Assert.False(string.IsNullOrEmpty(flag.GetProperty("sourceRecordId").GetString()));
            Assert.False(string.IsNullOrEmpty(flag.GetProperty("sourceName").GetString()));
            Assert.True(view.TryGetProperty("stale", out _));
        }

        Assert.Contains(flags, f => f.GetProperty("flag").GetProperty("sourceRecordId").GetString()!.StartsWith("V1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("301-303 Sumner St", false)] // odd range: the other side of the street from 302
    [InlineData("300-304 Sumner St", true)]
    [InlineData("301-302 Sumner St", true)] // mixed range: reaches both sides
    public async Task An_address_range_is_an_exact_hit_only_on_its_side_of_the_street(string query, bool exact)
    {
        var candidates = await _client.GetFromJsonAsync<JsonElement>($"/api/buildings/search?q={Uri.EscapeDataString(query)}");
        var at302 = candidates.EnumerateArray().Where(c => c.GetProperty("address").GetString()!.StartsWith("302 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(exact, at302.Any(c => c.GetProperty("matchedBy").GetString() == "address"));
    }

    [Fact]
    public async Task A_building_with_no_flags_says_nothing_is_known()
    {
        var id = await FirstIdAsync("100 Meridian St");
        var summary = await _client.GetFromJsonAsync<JsonElement>($"/api/buildings/{id}");
        Assert.Empty(summary.GetProperty("flags").EnumerateArray());
        Assert.True(summary.GetProperty("nothingKnown").GetBoolean());
    }

    [Fact]
    public async Task The_building_at_a_point_inside_its_parcel_is_found()
    {
        var hits = await _client.GetFromJsonAsync<JsonElement>("/api/buildings/at?lat=42.36770&lon=-71.03660");
        Assert.Equal(1, hits.GetArrayLength());
        Assert.Contains("302", hits[0].GetProperty("address").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/buildings/search")]
    [InlineData("/api/buildings/search?q=")]
    [InlineData("/api/buildings/at?lat=91&lon=0")]
    [InlineData("/api/buildings/at?lat=abc&lon=0")]
    [InlineData("/api/buildings/notanumber")]
    [InlineData("/api/buildings/at?lat=NaN&lon=0")]
    [InlineData("/api/buildings/at?lat=42.3&lon=Infinity")]
    [InlineData("/api/buildings/99999999999999999999999")]
    public async Task Bad_input_gets_a_client_error_not_a_crash(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Oversized_and_hostile_queries_get_clear_answers()
    {
        var tooLong = await _client.GetAsync("/api/buildings/search?q=" + new string('9', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var hostile = await _client.GetAsync("/api/buildings/search?q=" + Uri.EscapeDataString("'; DROP TABLE building; -- <script>"));
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/buildings/search?q=302+Sumner")).StatusCode);

        // A NUL or other control character reads as a space, so the address is still found.
        var withNul = await _client.GetFromJsonAsync<JsonElement>("/api/buildings/search?q=302%00Sumner%0BSt");
        Assert.StartsWith("302 SUMNER ST", withNul[0].GetProperty("address").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await _client.GetFromJsonAsync<JsonElement>("/api/buildings/search?q=%00%01")).GetArrayLength());
    }

    [Fact]
    public async Task Unknown_building_is_404()
    {
        var response = await _client.GetAsync("/api/buildings/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_live_and_ready_with_the_database()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Feed_status_lists_all_seven_feeds_and_marks_unloaded_ones_stale()
    {
        var feeds = await _client.GetFromJsonAsync<JsonElement>("/api/feeds");
        Assert.Equal(7, feeds.GetArrayLength());
        var hydrants = feeds.EnumerateArray().Single(f => f.GetProperty("feed").GetString() == "hydrants");
        Assert.True(hydrants.GetProperty("stale").GetBoolean());
        var violations = feeds.EnumerateArray().Single(f => f.GetProperty("feed").GetString() == "violations");
        Assert.False(violations.GetProperty("stale").GetBoolean());
    }

    private async Task<long> FirstIdAsync(string address)
    {
        var candidates = await _client.GetFromJsonAsync<JsonElement>($"/api/buildings/search?q={Uri.EscapeDataString(address)}");
        return candidates[0].GetProperty("buildingId").GetInt64();
    }
}
