using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>
/// Split address columns from building_property_violations*.csv (violation_stno, violation_sthigh, violation_street,
/// violation_suffix, violation_city, violation_zip), copied as published, including their stray blanks.
/// </summary>
public class ViolationAddressTests
{
    [Theory]
    [InlineData("302", "", "Sumner", "ST", "East Boston", "02128", "302 SUMNER ST", 302, "EAST BOSTON", "02128")]
    [InlineData("13", "", "Hendry", "ST", "Dorchester", "02122", "13 HENDRY ST", 13, "DORCHESTER", "02122")]
    [InlineData("105", "", "Cushing", "AVE", "Dorchester", "02125", "105 CUSHING AVE", 105, "DORCHESTER", "02125")]
    [InlineData("134", "136", "Lexington", "ST", "East Boston", "02128", "134 LEXINGTON ST", 136, "EAST BOSTON", "02128")]
    [InlineData("618", "622", "WASHINGTON", "ST", "Dorchester (Lower Mills)", "02111", "618 WASHINGTON ST", 622, "DORCHESTER", "02111")]
    [InlineData("14", "16", "PORTER", "ST", "East Boston/", "02128", "14 PORTER ST", 16, "EAST BOSTON", "02128")]
    [InlineData("88", " ", "BREMEN", "ST", "East Boston//", "02128", "88 BREMEN ST", 88, "EAST BOSTON", "02128")]
    [InlineData("68", " ", "Adams", "ST", "Dorchester/", "02122", "68 ADAMS ST", 68, "DORCHESTER", "02122")]
    [InlineData("1022", "1024", "Hyde Park", "AVE", "Hyde Park", "02136", "1022 HYDE PARK AVE", 1024, "HYDE PARK", "02136")]
    [InlineData("9", "11", "Ansel", "Rd", "Dorchester", "02124", "9 ANSEL RD", 11, "DORCHESTER", "02124")]
    [InlineData("825", "827", "Cummins", "HWY", "Mattapan", "02126", "825 CUMMINS HWY", 827, "MATTAPAN", "02126")]
    [InlineData("1112", "1118", "Blue Hill", "AV", "Dorchester", "02124", "1112 BLUE HILL AVE", 1118, "DORCHESTER", "02124")]
    [InlineData("916", "918", "Broadway", "", "South Boston", "02127", "916 BROADWAY", 918, "SOUTH BOSTON", "02127")]
    [InlineData("300", "399", "Faneuil Hall Market", "PL", "BOSTON", "02110", "300 FANEUIL HALL MARKET PL", 399, "BOSTON", "02110")]
    [InlineData("100-199", " ", "Faneuil Hall Market", "PL", "Boston", "02109", "100 FANEUIL HALL MARKET PL", 199, "BOSTON", "02109")]
    [InlineData("527-545", "", "Dudley", "ST", "Roxbury", "02119", "527 DUDLEY ST", 545, "ROXBURY", "02119")]
    [InlineData("40", "42", "MT VERNON", "ST", "Boston", "02108", "40 MOUNT VERNON ST", 42, "BOSTON", "02108")]
    [InlineData("98", "", "Mount Pleasant", "AVE", "Roxbury", "02119", "98 MOUNT PLEASANT AVE", 98, "ROXBURY", "02119")]
    [InlineData("106", "122", "St Stephen", "ST", "Boston", "02115", "106 SAINT STEPHEN ST", 122, "BOSTON", "02115")]
    [InlineData("55", "", "Saint Stephen", "ST", "Boston", "02115", "55 SAINT STEPHEN ST", 55, "BOSTON", "02115")]
    [InlineData("2", "", "Saint Charles", "ST", "Boston", "02116", "2 SAINT CHARLES ST", 2, "BOSTON", "02116")]
    [InlineData("14", "16", "Saint Andrew", "RD", "East Boston", "02128", "14 SAINT ANDREW RD", 16, "EAST BOSTON", "02128")]
    [InlineData("1035", "   ", "Truman", "PK", "HYDE PARK", "02136", "1035 TRUMAN PARK", 1035, "HYDE PARK", "02136")]
    [InlineData("12", "", "Claremont", "PARK", "Roxbury", "02118", "12 CLAREMONT PARK", 12, "ROXBURY", "02118")]
    [InlineData("2", "   ", "French", "TE", "ROXBURY", "02120", "2 FRENCH TER", 2, "ROXBURY", "02120")]
    [InlineData("2", "", "Swift", "TER", "East Boston", "02128", "2 SWIFT TER", 2, "EAST BOSTON", "02128")]
    [InlineData("130", "  ", "Trenton", "ST", "East Boston", "02128", "130 TRENTON ST", 130, "EAST BOSTON", "02128")]
    [InlineData("85", " ", "India", "RO", "Boston", "02110", "85 INDIA ROW", 85, "BOSTON", "02110")]
    [InlineData("26", "", "Crescent", "CIRT", "Brighton", "02135", "26 CRESCENT CIR", 26, "BRIGHTON", "02135")]
    [InlineData("50", " ", "Charlesgate East", " ", "Kenmore/fenway", "02115", "50 CHARLESGATE E", 50, "FENWAY", "02115")]
    [InlineData("1515", " ", "VFW Parkway", "ST", "BOSTON", " ", "1515 VFW PARKWAY ST", 1515, "BOSTON", null)]
    [InlineData("6", "", "Salem Street", "AVE", "Charlestown", "02129", "6 SALEM STREET AVE", 6, "CHARLESTOWN", "02129")]
    [InlineData("1", "", "White Street", "PL", "East Boston", "02128", "1 WHITE STREET PL", 1, "EAST BOSTON", "02128")]
    [InlineData("44", "", "Cedar Lane", "WAY", "Boston", "02108", "44 CEDAR LANE WAY", 44, "BOSTON", "02108")]
    [InlineData("305", "", "William F McClellan", "Hw", "East Boston", "02128", "305 WILLIAM F MCCLELLAN HWY", 305, "EAST BOSTON", "02128")]
    [InlineData("450", " ", "William F Mcclellan", "HW", "East Boston", "02128", "450 WILLIAM F MCCLELLAN HWY", 450, "EAST BOSTON", "02128")]
    [InlineData("200", "", "William F McClellan", "HWY", "East Boston", "02128", "200 WILLIAM F MCCLELLAN HWY", 200, "EAST BOSTON", "02128")]
    [InlineData("725", "", "WILLIAM T MORRISSEY", "BL", " ", "02122", "725 WILLIAM T MORRISSEY BLVD", 725, null, "02122")]
    [InlineData("13", "", "William C Kelly", "SQ", "East Boston", "02128", "13 WILLIAM C KELLY SQ", 13, "EAST BOSTON", "02128")]
    [InlineData("3", "20", "Commercial", "WH", "Boston", "02109", "3 COMMERCIAL WHF", 20, "BOSTON", "02109")]
    [InlineData("300", " ", "thirteenth", "ST", "Charlestown", "02129", "300 13TH ST", 300, "CHARLESTOWN", "02129")]
    [InlineData("531", "535", "Third", "ST", "South Boston", "02127", "531 3RD ST", 535, "SOUTH BOSTON", "02127")]
    [InlineData("319", "321", "A", "ST", "BOSTON", "02210", "319 A ST", 321, "BOSTON", "02210")]
    [InlineData("190", "", "F", "St", "South Boston", "02127", "190 F ST", 190, "SOUTH BOSTON", "02127")]
    [InlineData("96", " ", "I", "ST", "South Boston", "02127", "96 I ST", 96, "SOUTH BOSTON", "02127")]
    [InlineData("112", "", "P", "ST", "South Boston", "02127", "112 P ST", 112, "SOUTH BOSTON", "02127")]
    [InlineData("147", "", "West", "ST", "Hyde Park", "02136", "147 WEST ST", 147, "HYDE PARK", "02136")]
    [InlineData("632", "", "South", "ST", "Roslindale", "02131", "632 SOUTH ST", 632, "ROSLINDALE", "02131")]
    [InlineData("236", "256", "Dorchester", "St", "South Boston", "02127", "236 DORCHESTER ST", 256, "SOUTH BOSTON", "02127")]
    [InlineData("46", "", "Park Vale", "AVE", "Allston", "02134", "46 PARK VALE AVE", 46, "ALLSTON", "02134")]
    [InlineData("33", " ", "Edison Green", "ST", "Dorchester", " ", "33 EDISON GREEN ST", 33, "DORCHESTER", null)]
    [InlineData("1", " ", "Long Island", "RD", "Boston", "02122", "1 LONG ISLAND RD", 1, "BOSTON", "02122")]
    [InlineData("1", " ", "Liberty", "SQ", "Financial District", "02109", "1 LIBERTY SQ", 1, "DOWNTOWN", "02109")]
    [InlineData("246", "248", "PARKER HILL", "AV", "ROXBURY CROSSIN", "02120", "246 PARKER HILL AVE", 248, "ROXBURY", "02120")]
    [InlineData("1886", "1894", "DORCHESTER", "AV", "Dorchester Center", "02124", "1886 DORCHESTER AVE", 1894, "DORCHESTER", "02124")]
    [InlineData("1", "9", "beacon", "ST", "Allston/Boston", "02134", "1 BEACON ST", 9, "ALLSTON", "02134")]
    [InlineData("25", " ", "Roseberry", "RD", "Mattapan", "02126-1616", "25 ROSEBERRY RD", 25, "MATTAPAN", "02126")]
    [InlineData("130", "", "River", "ST", "Mattapan", "", "130 RIVER ST", 130, "MATTAPAN", null)]
    [InlineData("26", " ", "Damon", "ST", " ", " ", "26 DAMON ST", 26, null, null)]
    [InlineData("1", "", "NEWMARKET", "SQ", "South End", "02118", "1 NEWMARKET SQ", 1, "SOUTH END", "02118")]
    [InlineData("1", "8", "Nazing", "CT", "Dorchester", "02121", "1 NAZING CT", 8, "DORCHESTER", "02121")]
    [InlineData("6", "26", "New", "ST", "East Boston", "02128", "6 NEW ST", 26, "EAST BOSTON", "02128")]
    [InlineData("1", "4", "Emmet", "PL", "East Boston", "02128", "1 EMMET PL", 4, "EAST BOSTON", "02128")]
    [InlineData("1", "", "Princeton", "PL", "East Boston", "02128", "1 PRINCETON PL", 1, "EAST BOSTON", "02128")]
    [InlineData("117", "", "Academy Hill", "RD", "Brighton", "02135", "117 ACADEMY HILL RD", 117, "BRIGHTON", "02135")]
    [InlineData("297", "", "Bunker Hill", "ST", "Charlestown", "02129", "297 BUNKER HILL ST", 297, "CHARLESTOWN", "02129")]
    [InlineData("606", "", "American Legion", "HWY", "Roslindale", "02131", "606 AMERICAN LEGION HWY", 606, "ROSLINDALE", "02131")]
    [InlineData("7", "", "Tip Top", "ST", "Brighton", "02135", "7 TIP TOP ST", 7, "BRIGHTON", "02135")]
    [InlineData("150 ", " ", "ALFORD", "ST", "Charlestown", "02129", "150 ALFORD ST", 150, "CHARLESTOWN", "02129")]
    [InlineData("442 ", " ", "WARREN", "ST", "Dorchester", "02121", "442 WARREN ST", 442, "DORCHESTER", "02121")]
    [InlineData("1875", " ", "Dorchester", "AV", "Dorchester", "02124", "1875 DORCHESTER AVE", 1875, "DORCHESTER", "02124")]
    [InlineData("888", " ", "Morton", "ST", "BOSTON", "02124", "888 MORTON ST", 888, "BOSTON", "02124")]
    [InlineData("145", "155", "Brighton", "AVE", "Allston", "02134", "145 BRIGHTON AVE", 155, "ALLSTON", "02134")]
    public void Columns_give_the_canonical_address(
        string stno, string sthigh, string street, string suffix, string city, string zip,
        string key, int high, string? expectedCity, string? expectedZip)
    {
        var address = AddressNormalizer.FromParts(stno, sthigh, street, suffix, city: city, zip: zip);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal(high, address.NumberHigh);
        Assert.Equal(expectedCity, address.City);
        Assert.Equal(expectedZip, address.Zip);
    }

    // Letters and halves on either end; ranges written high-first are put in order so both spellings share a key.
    [Theory]
    [InlineData("4A", "", "Rockledge", "ST", "4A ROCKLEDGE ST", 4, "A", 4, "A")]
    [InlineData("105R", "", "Eutaw", "ST", "105R EUTAW ST", 105, "R", 105, "R")]
    [InlineData("309R", " ", "Sumner", "ST", "309R SUMNER ST", 309, "R", 309, "R")]
    [InlineData("24R", " ", "CUSTER", "ST", "24R CUSTER ST", 24, "R", 24, "R")]
    [InlineData("66R", "", "STANLEY", "ST", "66R STANLEY ST", 66, "R", 66, "R")]
    [InlineData("216R", "", "Marginal", "ST", "216R MARGINAL ST", 216, "R", 216, "R")]
    [InlineData("365B", "", "Sumner", "ST", "365B SUMNER ST", 365, "B", 365, "B")]
    [InlineData("9A", "", "Wordsworth", "ST", "9A WORDSWORTH ST", 9, "A", 9, "A")]
    [InlineData("11hf", "", "Revere", "ST", "11 1/2 REVERE ST", 11, "1/2", 11, "1/2")]
    [InlineData("177", "177A", "Maverick", "St", "177 MAVERICK ST", 177, null, 177, "A")]
    [InlineData("113", "113R", "Havre", "ST", "113 HAVRE ST", 113, null, 113, "R")]
    [InlineData("89", "89D", "Prescott", "ST", "89 PRESCOTT ST", 89, null, 89, "D")]
    [InlineData("288", "288R", "Princeton", "ST", "288 PRINCETON ST", 288, null, 288, "R")]
    [InlineData("68", "70A", "Phillips", "ST", "68 PHILLIPS ST", 68, null, 70, "A")]
    [InlineData("1596", "1600A", "Blue Hill", "AV", "1596 BLUE HILL AVE", 1596, null, 1600, "A")]
    [InlineData("55", "59A", "Edgewood", "ST", "55 EDGEWOOD ST", 55, null, 59, "A")]
    [InlineData("1592A", "1598", "Dorchester", "AV", "1592A DORCHESTER AVE", 1592, "A", 1598, null)]
    [InlineData("806A", "808", "Saratoga", "ST", "806A SARATOGA ST", 806, "A", 808, null)]
    [InlineData("41A", "41B", "Saratoga", "ST", "41A SARATOGA ST", 41, "A", 41, "B")]
    [InlineData("166A", "166", "Chelsea", "ST", "166 CHELSEA ST", 166, null, 166, "A")]
    [InlineData("877A", "877", "Saratoga", "ST", "877 SARATOGA ST", 877, null, 877, "A")]
    [InlineData("86A", "86", "Falcon", "ST", "86 FALCON ST", 86, null, 86, "A")]
    [InlineData("233", "215A", "BLUE HILL", "AV", "215A BLUE HILL AVE", 215, "A", 233, null)]
    public void House_number_letters_and_ranges(
        string stno, string sthigh, string street, string suffix, string key,
        int low, string? lowSuffix, int high, string? highSuffix)
    {
        var address = AddressNormalizer.FromParts(stno, sthigh, street, suffix);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal(low, address.NumberLow);
        Assert.Equal(lowSuffix, address.NumberSuffix);
        Assert.Equal(high, address.NumberHigh);
        Assert.Equal(highSuffix, address.NumberHighSuffix);
    }

    [Fact]
    public void Row_with_blank_address_columns_is_null() =>
        Assert.Null(AddressNormalizer.FromParts(" ", "   ", " ", " ", city: " ", zip: " "));

    [Fact]
    public void Number_without_street_is_null() =>
        Assert.Null(AddressNormalizer.FromParts("302", "", null, null));

    [Fact]
    public void Street_column_repeating_the_suffix_column_is_not_doubled() =>
        Assert.Equal("302 SUMNER ST", AddressNormalizer.FromParts("302", null, "Sumner Street", "ST")?.Key);

    [Fact]
    public void Unit_column_is_canonical() =>
        Assert.Equal("UNIT 1", AddressNormalizer.FromParts("105", "", "Cushing", "AVE", unit: "Unit 1")?.Unit);
}
