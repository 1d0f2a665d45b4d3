using BIS.Domain.Hazards.Erg;

namespace BIS.Domain.Tests.Hazards;

public class ErgGuideIndexTests
{
    private static readonly ErgGuideIndex Index = HazardTestData.Erg;

    [Theory]
    [InlineData("1017", "1017")]
    [InlineData("UN1017", "1017")]
    [InlineData("un 1017", "1017")]
    [InlineData(" 1017 ", "1017")]
    [InlineData("UN-1017", "1017")]
    [InlineData("NA1993", "1993")]
    [InlineData("1017.0", "1017")]
    [InlineData("4", "0004")]
    public void Normalizes_un_numbers(string text, string expected) => Assert.Equal(expected, UnNumber.Normalize(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("UN")]
    [InlineData("10170")]
    [InlineData("CHLORINE")]
    [InlineData("UN10a7")]
    public void Rejects_junk_un_numbers(string? text) => Assert.Null(UnNumber.Normalize(text));

    [Fact]
    public void Gasoline_is_guide_128()
    {
        var match = Assert.Single(Index.Lookup("UN1203"));
        Assert.Equal("128", match.Guide);
        Assert.Equal(128, match.GuideNumber);
        Assert.False(match.ToxicInhalationHazard);
        Assert.Equal(["Gasoline", "Motor spirit", "Petrol"], match.MaterialNames);
    }

    [Fact]
    public void Chlorine_is_guide_124_and_a_toxic_inhalation_hazard()
    {
        var match = Assert.Single(Index.Lookup("1017"));
        Assert.Equal("124", match.Guide);
        Assert.True(match.ToxicInhalationHazard);
        Assert.Equal(["Chlorine"], match.MaterialNames);
        Assert.Equal("60 m (200 ft)", Index.FindIsolation("UN1017")?.SmallIsolation);
    }

    [Fact]
    public void Anhydrous_ammonia_is_guide_125_tih_with_both_names()
    {
        var match = Assert.Single(Index.Lookup(" 1005 "));
        Assert.Equal(125, match.GuideNumber);
        Assert.True(match.ToxicInhalationHazard);
        Assert.Equal(["Ammonia, anhydrous", "Anhydrous ammonia"], match.MaterialNames);
    }

    [Fact]
    public void Lpg_is_guide_115()
    {
        var match = Assert.Single(Index.Lookup("UN1075"));
        Assert.Equal("115", match.Guide);
        Assert.Contains("Propane", match.MaterialNames);
        Assert.Null(Index.FindIsolation("1075"));
    }

    [Fact]
    public void One_number_can_have_several_guides()
    {
        var matches = Index.Lookup("UN3171");
        Assert.Equal(["138", "147", "154"], matches.Select(m => m.Guide));
        Assert.Equal(
            ["Battery-powered equipment (with lithium metal batteries)", "Battery-powered equipment (with sodium batteries)"],
            matches[0].MaterialNames);
        Assert.Equal(2, matches[2].MaterialNames.Count);
        Assert.All(matches, m => Assert.Equal("3171", m.UnNumber));
    }

    [Fact]
    public void Polymerization_suffix_is_kept()
    {
        var match = Assert.Single(Index.Lookup("1010"));
        Assert.Equal("116P", match.Guide);
        Assert.Equal(116, match.GuideNumber);
        Assert.True(match.Polymerizes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9999")]
    [InlineData("not a number")]
    public void Unknown_or_malformed_numbers_find_nothing(string? un) => Assert.Empty(Index.Lookup(un));

    [Fact]
    public void NA_numbers_share_the_four_digit_sequence()
    {
        var index = new ErgGuideIndex([ErgEntry.FromFields("1993", "128", "128", "N", "N", "Combustible liquid, n.o.s.")]);
        Assert.Equal("128", Assert.Single(index.Lookup("NA1993")).Guide);
    }

    [Fact]
    public void Entry_from_fields_rejects_bad_rows_with_a_clear_message()
    {
        var badUn = Assert.Throws<FormatException>(() => ErgEntry.FromFields("UN", "128", "128", "N", "N", "x"));
        Assert.Contains("UN/NA", badUn.Message);
        var badGuide = Assert.Throws<FormatException>(() => ErgEntry.FromFields("1203", "999", "999", "N", "N", "x"));
        Assert.Contains("guide", badGuide.Message);
    }

    [Fact]
    public void Entry_from_fields_takes_the_guide_number_from_the_guide_when_blank()
    {
        var entry = ErgEntry.FromFields("UN1010", "116p", "", "", "", " Butadienes, stabilized ");
        Assert.Equal(("1010", "116P", 116, true, false, "Butadienes, stabilized"),
            (entry.UnNumber, entry.Guide, entry.GuideNumber, entry.Polymerizes, entry.ToxicInhalationHazard, entry.MaterialName));
    }

    [Fact]
    public void Empty_index_finds_nothing() => Assert.Empty(ErgGuideIndex.Empty.Lookup("1017"));

    [Fact]
    public void Real_reference_table_loads_and_answers()
    {
        var rows = ReferenceCsv.Read("BIS.Ingest", "Reference", "erg_un_to_guide.csv");
        var entries = rows.Select(r => ErgEntry.FromFields(
            r["un_na_id"], r["guide"], r["guide_number"], r["polymerization_P"], r["tih_green_listed"], r["material_name"])).ToList();
        var isolations = ReferenceCsv.Read("BIS.Ingest", "Reference", "erg_table1_tih_distances.csv")
            .Select(r => new ErgIsolation
            {
                UnNumber = r["un_na_id"],
                Guide = r["guide"],
                MaterialName = r["material_name"],
                SmallIsolation = r["small_isolation"],
                SmallProtectDay = r["small_protect_day"],
                SmallProtectNight = r["small_protect_night"],
                LargeIsolation = r["large_isolation"],
                LargeProtectDay = r["large_protect_day"],
                LargeProtectNight = r["large_protect_night"],
                Note = r["note"],
            })
            .ToList();
        var index = new ErgGuideIndex(entries, isolations);

        Assert.Equal(2767, entries.Count);
        Assert.True(index.Count > 1000);
        Assert.Equal("128", Assert.Single(index.Lookup("UN1203")).Guide);
        Assert.Contains("Gasoline", index.Lookup("1203")[0].MaterialNames);
        var chlorine = Assert.Single(index.Lookup("1017"));
        Assert.Equal(("124", true), (chlorine.Guide, chlorine.ToxicInhalationHazard));
        var ammonia = Assert.Single(index.Lookup("1005"));
        Assert.Equal((125, true), (ammonia.GuideNumber, ammonia.ToxicInhalationHazard));
        Assert.Equal("115", Assert.Single(index.Lookup("1075")).Guide);
        Assert.Equal(["138", "147", "154"], index.Lookup("UN3171").Select(m => m.Guide));
        Assert.Equal("60 m (200 ft)", index.FindIsolation("1017")?.SmallIsolation);
        Assert.Equal("Ammonia, anhydrous / Anhydrous ammonia", index.FindIsolation("UN1005")?.MaterialName);
    }
}
