using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>
/// The <c>address</c> property of building_footprints_ward01.geojson (East Boston): assessing street codes, ranges
/// written as two bare numbers (sometimes high first), leading blanks where the number is missing.
/// </summary>
public class FootprintAddressTests
{
    [Theory]
    [InlineData("1 IPSWICH PL", "1 IPSWICH PL", 1, 1)]
    [InlineData("104 WALDEMAR AV", "104 WALDEMAR AVE", 104, 104)]
    [InlineData("2 LONDON CT", "2 LONDON CT", 2, 2)]
    [InlineData("206 ORIENT AV", "206 ORIENT AVE", 206, 206)]
    [InlineData("44 ASHLEY ST", "44 ASHLEY ST", 44, 44)]
    [InlineData("9 NEPTUNE CI", "9 NEPTUNE CIR", 9, 9)]
    [InlineData("254 256 BENNINGTON ST", "254 BENNINGTON ST", 254, 256)]
    [InlineData("1 3 SEA VIEW AV", "1 SEA VIEW AVE", 1, 3)]
    [InlineData("1 4 EMMET PL", "1 EMMET PL", 1, 4)]
    [InlineData("2 4 TERAGRAM ST", "2 TERAGRAM ST", 2, 4)]
    [InlineData("10 12 NEPTUNE CI", "10 NEPTUNE CIR", 10, 12)]
    [InlineData("408 826 BORDER ST", "408 BORDER ST", 408, 826)]
    [InlineData("160 - 250 WALDEMAR AV", "160 WALDEMAR AVE", 160, 250)]
    [InlineData("205 -215 BREMEN ST", "205 BREMEN ST", 205, 215)]
    [InlineData("221 -227 BORDER ST", "221 BORDER ST", 221, 227)]
    [InlineData("210 212 E EAGLE ST", "210 E EAGLE ST", 210, 212)]
    [InlineData("24 29 WM C KELLY SQ", "24 WILLIAM C KELLY SQ", 24, 29)]
    [InlineData("102 100 WHITE ST", "100 WHITE ST", 100, 102)]
    [InlineData("211 207 CONDOR ST", "207 CONDOR ST", 207, 211)]
    [InlineData("31 29 NEPTUNE CI", "29 NEPTUNE CIR", 29, 31)]
    [InlineData("42 30 SARATOGA ST", "30 SARATOGA ST", 30, 42)]
    [InlineData("166 166 EVERETT ST", "166 EVERETT ST", 166, 166)]
    [InlineData("107 107H PORTER ST", "107 PORTER ST", 107, 107)]
    [InlineData("16 16A SWAN AV", "16 SWAN AVE", 16, 16)]
    [InlineData("26 26R FRANKFORT ST", "26 FRANKFORT ST", 26, 26)]
    [InlineData("195 197R WEBSTER ST", "195 WEBSTER ST", 195, 197)]
    [InlineData("798 804A SARATOGA ST", "798 SARATOGA ST", 798, 804)]
    [InlineData("31 A31 LEXINGTON ST", "31 LEXINGTON ST", 31, 31)]
    [InlineData("980 A982 SARATOGA ST", "980 SARATOGA ST", 980, 982)]
    [InlineData("98 R 100R CONDOR ST", "98R CONDOR ST", 98, 100)]
    [InlineData("978 C 976A SARATOGA ST", "976A SARATOGA ST", 976, 978)]
    [InlineData("90 90 HF FALCON ST", "90 FALCON ST", 90, 90)]
    [InlineData("26-Feb NEW ST", "2 NEW ST", 2, 26)]
    public void Footprint_address_gives_the_canonical_address(string line, string key, int low, int high)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal(low, address.NumberLow);
        Assert.Equal(high, address.NumberHigh);
        Assert.Null(address.City);
        Assert.Null(address.Zip);
    }

    [Theory]
    [InlineData("    AUSTIN AV", "AUSTIN AVE")]
    [InlineData("    LEXINGTON AV", "LEXINGTON AVE")]
    [InlineData("    S BREMEN ST", "S BREMEN ST")]
    [InlineData("    WM F MCCLELLAN HW", "WILLIAM F MCCLELLAN HWY")]
    public void Missing_number_leaves_the_street(string line, string key)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Null(address.NumberLow);
        Assert.Equal(key, address.Key);
    }

    [Fact]
    public void Half_on_the_high_end_is_kept() =>
        Assert.Equal("1/2", AddressNormalizer.Normalize("90 90 HF FALCON ST")?.NumberHighSuffix);

    [Fact]
    public void Blank_footprint_address_is_null() => Assert.Null(AddressNormalizer.Normalize("  "));
}
