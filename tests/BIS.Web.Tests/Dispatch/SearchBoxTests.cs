using BIS.Web.Lookup;
using BIS.Web.Pages.Dispatch;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace BIS.Web.Tests.Dispatch;

/// <summary>The search box against the real lookup and database (mini city: 302 and 304 Sumner, 100 Meridian).</summary>
public sealed class SearchBoxTests : BunitContext, IClassFixture<BisWebFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly List<BuildingCandidate> _picked = [];

    public SearchBoxTests(BisWebFactory factory)
    {
        Services.AddSingleton(factory.Services.GetRequiredService<BuildingLookup>());
    }

    private IRenderedComponent<SearchBox> RenderBox() =>
        Render<SearchBox>(p => p.Add(c => c.OnPick, candidate => _picked.Add(candidate)));

    private static Task PressAsync(IRenderedComponent<SearchBox> box, string key) =>
        box.Find("input").KeyDownAsync(new KeyboardEventArgs { Key = key });

    [Fact]
    public void Typing_with_a_typo_lists_the_building_as_you_type()
    {
        var box = RenderBox();

        box.Find("input").Input("302 sumnr");

        box.WaitForAssertion(() => Assert.StartsWith("302 SUMNER ST", box.Find(".search-result .search-address").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("true", box.Find("input").GetAttribute("aria-expanded"));
    }

    // The awaited triggers matter: the synchronous ones only queue the event when the renderer is still busy
    // finishing the search's render, and the assertion after them then reads the markup from before the key.
    [Fact]
    public async Task Arrows_move_the_choice_and_Enter_picks_it()
    {
        var box = RenderBox();
        await box.Find("input").InputAsync(new ChangeEventArgs { Value = "sumner st" });
        box.WaitForAssertion(() => Assert.True(box.FindAll(".search-result").Count >= 2), Patience);
        var second = box.FindAll(".search-result .search-address")[1].TextContent;

        await PressAsync(box, "ArrowDown");
        Assert.Equal("true", box.FindAll(".search-result")[1].GetAttribute("aria-selected"));
        await PressAsync(box, "Enter");

        Assert.Equal(second, Assert.Single(_picked).Address);
        Assert.Empty(box.FindAll(".search-result"));
    }

    [Fact]
    public async Task Enter_before_the_debounce_fires_searches_at_once_and_takes_the_best_match()
    {
        var box = RenderBox();

        await box.Find("input").InputAsync(new ChangeEventArgs { Value = "300-304 Sumner St" });
        await PressAsync(box, "Enter");

        Assert.Single(_picked);
        Assert.Contains("SUMNER ST", _picked[0].Address, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_that_matches_nothing_says_so_and_a_hostile_one_is_echoed_as_text()
    {
        var box = RenderBox();

        box.Find("input").Input("<b>9999 Nowhere Rd</b>");

        box.WaitForAssertion(() => Assert.Contains("No building matches", box.Find(".search-message").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(box.FindAll(".search-message b"));
    }
}
