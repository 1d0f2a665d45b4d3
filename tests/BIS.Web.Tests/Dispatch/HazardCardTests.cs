using BIS.Domain.Hazards;
using BIS.Web.Lookup;
using BIS.Web.Pages.Dispatch;
using Bunit;
using static BIS.Web.Tests.Dispatch.CardSamples;

namespace BIS.Web.Tests.Dispatch;

public sealed class HazardCardTests : BunitContext
{
    [Fact]
    public void Flags_are_ranked_by_severity_and_each_names_icon_word_source_record_and_age()
    {
        var summary = Summary(
        [
            new FlagView(Flag("prior-fires", Severity.Moderate, "2 prior fires", "FI-1"), false, 3),
            new FlagView(Flag("hazmat", Severity.Critical, "Chlorine 2,000 lb (ERG 124)", "HM-9"), false, 3),
            new FlagView(Flag("vacant", Severity.High, "Vacant building", "V1"), false, 40),
        ]);

        var card = Render<HazardCard>(p => p.Add(c => c.Summary, summary));

        var flags = card.FindAll("li.flag");
        Assert.Equal(["Chlorine 2,000 lb (ERG 124)", "Vacant building", "2 prior fires"], flags.Select(f => f.QuerySelector(".flag-title")!.TextContent));
        Assert.Equal("⬣", flags[0].QuerySelector(".sev-icon")!.TextContent);
        Assert.Equal("Critical", flags[0].QuerySelector(".sev-word")!.TextContent);
        Assert.Contains("sev-critical", flags[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("HM-9", flags[0].QuerySelector(".flag-source")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("data 40 days old", flags[1].QuerySelector(".flag-source")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_whose_feed_is_past_its_sla_is_marked_stale_and_a_current_one_is_not()
    {
        var summary = Summary(
        [
            new FlagView(Flag("vacant", Severity.High, "Vacant building", "V1"), true, 3),
            new FlagView(Flag("knox-box", Severity.Info, "Knox box at front door", "P-1"), false, 3),
        ]);

        var card = Render<HazardCard>(p => p.Add(c => c.Summary, summary));

        var flags = card.FindAll("li.flag");
        Assert.NotNull(flags[0].QuerySelector(".stale"));
        Assert.Null(flags[1].QuerySelector(".stale"));
    }

    [Fact]
    public void A_building_with_nothing_known_says_so_and_never_that_it_is_safe()
    {
        var card = Render<HazardCard>(p => p.Add(c => c.Summary, Summary()));

        var note = card.Find(".nothing-known").TextContent;
        Assert.Contains("No hazard records", note, StringComparison.Ordinal);
        Assert.Contains("not the same as safe", note, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("li.flag"));
        Assert.Contains("No flags", card.Find(".card-title .sev-word").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_source_text_is_shown_as_text_never_markup()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var summary = Summary([new FlagView(Flag("vacant", Severity.High, hostile, hostile, detail: hostile), false, 1)], owner: hostile);

        var card = Render<HazardCard>(p => p.Add(c => c.Summary, summary));

        Assert.Empty(card.FindAll("img"));
        Assert.Contains(hostile, card.Find(".facts").TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Hydrants_show_distance_and_flow_and_an_out_of_service_one_is_marked_in_words()
    {
        var summary = Summary(hydrants:
        [
            new HydrantView("EB-1", true, "A", 1500, 36.4, 42.37, -71.03),
            new HydrantView("EB-2", false, "B", 900, 41, 42.37, -71.03),
        ]);

        var card = Render<HazardCard>(p => p.Add(c => c.Summary, summary));

        var rows = card.FindAll("table.hydrants tbody tr");
        Assert.Equal(["EB-1", "36 m", "A (1500 gpm)", "In service"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("OUT OF SERVICE", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("hydrant-oos", rows[1].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_from_a_feed_run_lists_what_was_added_and_removed()
    {
        var before = Summary([new FlagView(Flag("vacant", Severity.High, "Vacant building", "V1"), false, 1)]);
        var after = Summary([new FlagView(Flag("hazmat", Severity.Critical, "Propane 500 gal", "HM-2"), false, 0)]);
        var change = HazardChange.Between(before, after, "violations", DateTimeOffset.UtcNow);

        var card = Render<HazardCard>(p => p.Add(c => c.Summary, after).Add(c => c.Change, change));

        var banner = card.Find(".change");
        Assert.Contains("New: Propane 500 gal", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("No longer: Vacant building", banner.TextContent, StringComparison.Ordinal);
    }
}
