using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>Spellings of one building from different feeds must share a key; different buildings must not.</summary>
public class AddressAgreementTests
{
    public static TheoryData<string, string[]> SameBuilding => new()
    {
        { "302 SUMNER ST", ["302 Sumner Street East Boston 02128", "302 SUMNER ST", "302 Sumner St, East Boston, MA 02128-1234", "302 sumner st.", "  302   Sumner   STREET  "] },
        { "1 1ST ST", ["1 FIRST ST", "1 First Street", "1 1ST ST", "1 1st St  South Boston  MA  02127"] },
        { "8 SAINT JOHN ST", ["8 ST JOHN ST", "8 SAINT JOHN ST", "8 St. John Street", "8 Saint John St Roxbury 02119"] },
        { "11 W BROADWAY", ["11 West Broadway", "11 W Broadway   South Boston  MA  02127", "11 W. BROADWAY", "11 WEST BROADWAY SOUTH BOSTON"] },
        { "40 MOUNT VERNON ST", ["40 MT VERNON ST", "40 Mount Vernon Street", "40 Mt. Vernon St Boston, MA 02108"] },
        { "24 WILLIAM C KELLY SQ", ["24 29 WM C KELLY SQ", "24 William C Kelly Square", "24 to 29 William C Kelly SQ East Boston 02128"] },
        { "1144 COMMONWEALTH AVE", ["1144 C0MMONWEALTH AV Boston, MA 02134", "1144 Commonwealth Avenue", "1144 COMMONWEALTH AVE"] },
        { "11 1/2 REVERE ST", ["11hf Revere ST", "11 1/2 Revere Street", "11\u00BD Revere St", "11 HF REVERE ST"] },
        { "426R SARATOGA ST", ["426 R SARATOGA ST", "426R Saratoga Street", "426 Rear Saratoga St"] },
        { "7 N CRESCENT CIR", ["7 N Crescent Cirt  Brighton  MA  02135", "7 North Crescent Circuit", "7 N CRESCENT CIR"] },
        { "4 ODONNELL TER", ["4 O'Donnell TER Dorchester 02122", "4 ODONNELL TERRACE", "4 O\u2019Donnell Ter"] },
        { "100 WHITE ST", ["102 100 WHITE ST", "100-102 White Street", "100 to 102 White St East Boston 02128"] },
        { "166 CHELSEA ST", ["166A to 166 Chelsea ST", "166-166A CHELSEA ST", "166 166A CHELSEA ST"] },
        { "489 E BROADWAY", ["489 East Broadway", "489 to 489A E Broadway South Boston 02127", "489 E. Broadway, South Boston, MA"] },
        { "50 CHARLESGATE E", ["50 Charlesgate East", "50 Charlesgate East  Boston  MA  02215", "50 CHARLESGATE E, BOSTON"] },
        { "26 MONSIGNOR DENNIS F OCALLAGHAN WAY", ["26 Monsignor Dennis F. O'Callaghan Way", "26 MONSIGNOR DENNIS F OCALLAGHAN WY"] },
    };

    [Theory]
    [MemberData(nameof(SameBuilding))]
    public void Spellings_share_a_key(string key, string[] lines)
    {
        foreach (var line in lines)
        {
            Assert.Equal(key, AddressNormalizer.Normalize(line)?.Key);
        }
    }

    [Fact]
    public void Split_columns_and_address_lines_agree()
    {
        Assert.Equal(
            AddressNormalizer.Normalize("302 Sumner Street East Boston 02128")?.Key,
            AddressNormalizer.FromParts("302", "", "Sumner", "ST")?.Key);
        Assert.Equal(
            AddressNormalizer.Normalize("6 to 8 Saint Andrew RD East Boston 02128")?.Key,
            AddressNormalizer.FromParts("6", "8", "St Andrew", "RD")?.Key);
        Assert.Equal(
            AddressNormalizer.Normalize("85 India Row")?.Key,
            AddressNormalizer.FromParts("85", " ", "India", "RO")?.Key);
        Assert.Equal(
            AddressNormalizer.Normalize("1592A-1598 Dorchester Avenue")?.Key,
            AddressNormalizer.FromParts("1592A", "1598", "Dorchester", "AV")?.Key);
        Assert.Equal(
            AddressNormalizer.Normalize("300 Thirteenth Street Charlestown")?.Key,
            AddressNormalizer.FromParts("300", " ", "thirteenth", "ST")?.Key);
        Assert.Equal(
            AddressNormalizer.Normalize("166A to 166 Chelsea ST East Boston 02128")?.Key,
            AddressNormalizer.FromParts("166A", "166", "Chelsea", "ST")?.Key);
    }

    [Fact]
    public void Split_columns_and_address_line_agree_on_everything()
    {
        var line = AddressNormalizer.Normalize("302 Sumner Street East Boston 02128");
        var parts = AddressNormalizer.FromParts("302", "", "Sumner", "ST", city: "East Boston", zip: "02128");

        Assert.Equal(line, parts);
    }

    // Letter streets and compass-word streets are their own streets, not directionals.
    [Theory]
    [InlineData("207 E ST", "207 EAST ST")]
    [InlineData("5 N ST", "5 NORTH ST")]
    [InlineData("147 W ST", "147 WEST ST")]
    [InlineData("1 BENNET PL", "1 BENNET ST")]
    [InlineData("12 PARK ST", "12 PARK DR")]
    [InlineData("916 BROADWAY", "916 E BROADWAY")]
    [InlineData("4A ROCKLEDGE ST", "4 ROCKLEDGE ST")]
    public void Different_buildings_do_not_share_a_key(string first, string second) =>
        Assert.NotEqual(AddressNormalizer.Normalize(first)?.Key, AddressNormalizer.Normalize(second)?.Key);
}
