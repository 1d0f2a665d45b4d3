using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>
/// Even numbers on one side of a US block, odd on the other: a range whose ends share parity stays on its side, and
/// never names a building across the street. Spellings are copied from the East Boston feeds.
/// </summary>
public class StreetSideTests
{
    [Theory]
    [InlineData("302 Sumner Street East Boston 02128", StreetSide.Even)]
    [InlineData("109 ORLEANS ST", StreetSide.Odd)]
    [InlineData("108-110 Orleans ST, East Boston MA 02128", StreetSide.Even)]
    [InlineData("108 to 110 Orleans ST East Boston 02128", StreetSide.Even)]
    [InlineData("405-407A Meridian ST, East Boston MA 02128", StreetSide.Odd)]
    [InlineData("166A to 166 Chelsea ST", StreetSide.Even)]
    [InlineData("11hf Revere ST", StreetSide.Odd)]
    [InlineData("798 804A SARATOGA ST", StreetSide.Even)]
    [InlineData("98 R 100R CONDOR ST", StreetSide.Even)]
    [InlineData("408 826 BORDER ST", StreetSide.Even)]
    [InlineData("205 -215 BREMEN ST", StreetSide.Odd)]
    [InlineData("26-Feb NEW ST", StreetSide.Even)]
    public void A_number_or_a_range_with_ends_of_one_parity_is_on_that_side(string line, StreetSide side) =>
        Assert.Equal(side, AddressNormalizer.Normalize(line)?.Side);

    [Theory]
    [InlineData("24 29 WM C KELLY SQ")]
    [InlineData("20 to 23 William C Kelly SQ East Boston 02128")]
    [InlineData("1-4 Emmet PL, East Boston MA 02128")]
    [InlineData("27-32 Sumner ST")]
    [InlineData("    AUSTIN AV")]
    public void A_range_reaching_both_sides_or_no_number_has_no_side(string line)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Null(address.Side);
    }

    [Fact]
    public void Split_columns_give_the_same_side_as_the_line()
    {
        Assert.Equal(StreetSide.Odd, AddressNormalizer.FromParts("405", "407A", "Meridian", "ST")?.Side);
        Assert.Equal(StreetSide.Even, AddressNormalizer.FromParts("108", "110", "Orleans", "ST")?.Side);
        Assert.Null(AddressNormalizer.FromParts("1", "4", "Percival", "PL")?.Side);
    }

    [Theory]
    // Opposite sides never meet, however the numbers overlap.
    [InlineData("108-110 Orleans ST", "109 ORLEANS ST", false)]
    [InlineData("405-407A Meridian ST", "406 MERIDIAN ST", false)]
    [InlineData("6 to 8 Wordsworth ST", "7 WORDSWORTH ST", false)]
    [InlineData("47 Condor ST", "46 48 CONDOR ST", false)]
    [InlineData("425 Border ST", "408 826 BORDER ST", false)]
    [InlineData("102 Bremen ST", "75-115 BREMEN ST", false)]
    [InlineData("159 to 165 Everett ST", "164 EVERETT ST", false)]
    [InlineData("108-110 Orleans ST", "109-111 ORLEANS ST", false)]
    // One side: the overlap decides.
    [InlineData("108-110 Orleans ST", "110 ORLEANS ST", true)]
    [InlineData("108-110 Orleans ST", "106-108 ORLEANS ST", true)]
    [InlineData("405-407A Meridian ST", "407 MERIDIAN ST", true)]
    [InlineData("430 Border ST", "408 826 BORDER ST", true)]
    [InlineData("108-110 Orleans ST", "112 ORLEANS ST", false)]
    // A range reaching both sides meets either side within its numbers.
    [InlineData("24 29 WM C KELLY SQ", "27 WM C KELLY SQ", true)]
    [InlineData("24 29 WM C KELLY SQ", "26 WM C KELLY SQ", true)]
    [InlineData("20 to 23 William C Kelly SQ", "21-25 WM C KELLY SQ", true)]
    [InlineData("20 to 23 William C Kelly SQ", "22-24 WM C KELLY SQ", true)]
    [InlineData("1-4 Emmet PL", "5 EMMET PL", false)]
    // Single numbers meet only when equal.
    [InlineData("302 Sumner ST", "302 SUMNER ST", true)]
    [InlineData("302 Sumner ST", "304 SUMNER ST", false)]
    [InlineData("    AUSTIN AV", "1 AUSTIN AVE", false)]
    public void Two_addresses_share_a_number_only_on_the_same_side(string first, string second, bool shared)
    {
        var a = AddressNormalizer.Normalize(first);
        var b = AddressNormalizer.Normalize(second);

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(shared, a.SharesNumberWith(b));
        Assert.Equal(shared, b.SharesNumberWith(a));
    }
}
