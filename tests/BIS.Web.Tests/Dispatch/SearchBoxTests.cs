using BIS.Web.Lookup;
using BIS.Web.Pages.Dispatch;
using Bunit;
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

    [Fact]
    public void Typing_with_a_typo_lists_the_building_as_you_type()
    {
        var box = RenderBox();

        box.Find("input").Input("302 sumnr");

        box.WaitForAssertion(() => Assert.StartsWith("302 SUMNER ST", box.Find(".search-result .search-address").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("true", box.Find("input").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Arrows_move_the_choice_and_Enter_picks_it()
    {
        var box = RenderBox();
        box.Find("input").Input("sumner st");
        box.WaitForAssertion(() => Assert.True(box.FindAll(".search-result").Count >= 2), Patience);
        var second = box.FindAll(".search-result .search-address")[1].TextContent;

        box.Find("input").KeyDown("ArrowDown");
        Assert.Equal("true", box.FindAll(".search-result")[1].GetAttribute("aria-selected"));
        box.Find("input").KeyDown("Enter");

        Assert.Equal(second, Assert.Single(_picked).Address);
        Assert.Empty(box.FindAll(".search-result"));
    }

    [Fact]
    public void Enter_before_the_debounce_fires_searches_at_once_and_takes_the_best_match()
    {
        var box = RenderBox();

        box.Find("input").Input("300-304 Sumner St");
        box.Find("input").KeyDown("Enter");

        box.WaitForAssertion(() => Assert.Single(_picked), Patience);
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
