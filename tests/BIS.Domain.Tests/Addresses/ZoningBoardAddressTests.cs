using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>The <c>address</c> column of zoning_board_of_appeal_tracker.csv: "&lt;number or range&gt; &lt;street&gt; &lt;neighbourhood&gt; &lt;ZIP&gt;".</summary>
public class ZoningBoardAddressTests
{
    [Theory]
    [InlineData("27 Hopkins Rd Jamaica Plain 02130", "27 HOPKINS RD", 27, 27, "JAMAICA PLAIN", "02130")]
    [InlineData("3927 Washington ST Roslindale 02131", "3927 WASHINGTON ST", 3927, 3927, "ROSLINDALE", "02131")]
    [InlineData("206 Byron ST East Boston 02128", "206 BYRON ST", 206, 206, "EAST BOSTON", "02128")]
    [InlineData("1 Coppersmith WY East Boston 02128", "1 COPPERSMITH WAY", 1, 1, "EAST BOSTON", "02128")]
    [InlineData("100 Legends WY Boston 02114", "100 LEGENDS WAY", 100, 100, "BOSTON", "02114")]
    [InlineData("1 Thompson Island Bosun Workshop East Boston 02128", "1 THOMPSON ISLAND BOSUN WORKSHOP", 1, 1, "EAST BOSTON", "02128")]
    [InlineData("1 to 1a Lamson CT East Boston 02128", "1 LAMSON CT", 1, 1, "EAST BOSTON", "02128")]
    [InlineData("1 to 2 Thompson SQ Charlestown 02129", "1 THOMPSON SQ", 1, 2, "CHARLESTOWN", "02129")]
    [InlineData("10 Glenside Av Jamaica Plain 02130", "10 GLENSIDE AVE", 10, 10, "JAMAICA PLAIN", "02130")]
    [InlineData("10 to 10A Walk Hill ST Jamaica Plain 02130", "10 WALK HILL ST", 10, 10, "JAMAICA PLAIN", "02130")]
    [InlineData("109 to 119 Beach ST Boston 02111", "109 BEACH ST", 109, 119, "BOSTON", "02111")]
    [InlineData("125-131 Lincoln St Boston 02111", "125 LINCOLN ST", 125, 131, "BOSTON", "02111")]
    [InlineData("104R Walter St Roslindale 02131", "104R WALTER ST", 104, 104, "ROSLINDALE", "02131")]
    [InlineData("140 to 140A D ST South Boston 02127", "140 D ST", 140, 140, "SOUTH BOSTON", "02127")]
    [InlineData("289 to 289A D ST South Boston 02127", "289 D ST", 289, 289, "SOUTH BOSTON", "02127")]
    [InlineData("207 to 209 E ST South Boston 02127", "207 E ST", 207, 209, "SOUTH BOSTON", "02127")]
    [InlineData("84 to 90 A ST South Boston 02127", "84 A ST", 84, 90, "SOUTH BOSTON", "02127")]
    [InlineData("15 Yuill CI Hyde Park 02136", "15 YUILL CIR", 15, 15, "HYDE PARK", "02136")]
    [InlineData("5 Delany CI Brighton 02135", "5 DELANY CIR", 5, 5, "BRIGHTON", "02135")]
    [InlineData("150 to 160 William T Morrissey BL Dorchester 02125", "150 WILLIAM T MORRISSEY BLVD", 150, 160, "DORCHESTER", "02125")]
    [InlineData("400 Melnea Cass BL Roxbury 02119", "400 MELNEA CASS BLVD", 400, 400, "ROXBURY", "02119")]
    [InlineData("152 to 152H Chestnut AV Jamaica Plain 02130", "152 CHESTNUT AVE", 152, 152, "JAMAICA PLAIN", "02130")]
    [InlineData("158H to 158 Cottage ST East Boston 02128", "158 COTTAGE ST", 158, 158, "EAST BOSTON", "02128")]
    [InlineData("15H Mount Vernon ST Dorchester 02125", "15H MOUNT VERNON ST", 15, 15, "DORCHESTER", "02125")]
    [InlineData("16R to 16RA Howe ST Dorchester 02125", "16R HOWE ST", 16, 16, "DORCHESTER", "02125")]
    [InlineData("259R to 259RF Market ST Brighton 02135", "259R MARKET ST", 259, 259, "BRIGHTON", "02135")]
    [InlineData("25R to 31R Ashland St Dorchester 02122", "25R ASHLAND ST", 25, 31, "DORCHESTER", "02122")]
    [InlineData("17R Rockville PK Roxbury 02119", "17R ROCKVILLE PARK", 17, 17, "ROXBURY", "02119")]
    [InlineData("1955 to 1975 Beacon ST Brighton 02467", "1955 BEACON ST", 1955, 1975, "BRIGHTON", "02467")]
    [InlineData("196 to 198 W Broadway South Boston 02127", "196 W BROADWAY", 196, 198, "SOUTH BOSTON", "02127")]
    [InlineData("489 to 489A E Broadway South Boston 02127", "489 E BROADWAY", 489, 489, "SOUTH BOSTON", "02127")]
    [InlineData("1A to 1B Curtis ST East Boston 02128", "1A CURTIS ST", 1, 1, "EAST BOSTON", "02128")]
    [InlineData("68A to 68B Horace ST East Boston 02128", "68A HORACE ST", 68, 68, "EAST BOSTON", "02128")]
    [InlineData("31A to 31 Lexington ST East Boston 02128", "31 LEXINGTON ST", 31, 31, "EAST BOSTON", "02128")]
    [InlineData("74A to 74 Lexington ST East Boston 02128", "74 LEXINGTON ST", 74, 74, "EAST BOSTON", "02128")]
    [InlineData("38B to 38 Fleet ST Boston 02113", "38 FLEET ST", 38, 38, "BOSTON", "02113")]
    [InlineData("3 to 3G Walley St East Boston 02128", "3 WALLEY ST", 3, 3, "EAST BOSTON", "02128")]
    [InlineData("2 to 0 Putnam ST East Boston 02128", "2 PUTNAM ST", 2, 2, "EAST BOSTON", "02128")]
    [InlineData("2 Dexter ROW Charlestown 02129", "2 DEXTER ROW", 2, 2, "CHARLESTOWN", "02129")]
    [InlineData("2 Park PLZ Boston 02116", "2 PARK PLZ", 2, 2, "BOSTON", "02116")]
    [InlineData("132 to 138 Park ST Dorchester 02122", "132 PARK ST", 132, 138, "DORCHESTER", "02122")]
    [InlineData("125 to 131 Park DR Boston 02215", "125 PARK DR", 125, 131, "BOSTON", "02215")]
    [InlineData("21 Louder's LN Jamaica Plain 02130", "21 LOUDERS LN", 21, 21, "JAMAICA PLAIN", "02130")]
    [InlineData("8 Deady's LN South Boston 02127", "8 DEADYS LN", 8, 8, "SOUTH BOSTON", "02127")]
    [InlineData("4 O'Donnell TER Dorchester 02122", "4 ODONNELL TER", 4, 4, "DORCHESTER", "02122")]
    [InlineData("25 Neillian CRES Jamaica Plain 02130", "25 NEILLIAN CRES", 25, 25, "JAMAICA PLAIN", "02130")]
    [InlineData("284 to 290 E Eighth ST South Boston 02127", "284 E 8TH ST", 284, 290, "SOUTH BOSTON", "02127")]
    [InlineData("599 to 601 E Fifth ST South Boston 02127", "599 E 5TH ST", 599, 601, "SOUTH BOSTON", "02127")]
    [InlineData("31 Hallet-Davis ST Dorchester 02124", "31 HALLET DAVIS ST", 31, 31, "DORCHESTER", "02124")]
    [InlineData("37R W Milton ST Hyde Park 02136", "37R W MILTON ST", 37, 37, "HYDE PARK", "02136")]
    [InlineData("6 Chelsea Te East Boston 02128", "6 CHELSEA TER", 6, 6, "EAST BOSTON", "02128")]
    [InlineData("112 to 114 Foster TE Brighton 02135", "112 FOSTER TER", 112, 114, "BRIGHTON", "02135")]
    [InlineData("6 to 8 Saint Andrew RD East Boston 02128", "6 SAINT ANDREW RD", 6, 8, "EAST BOSTON", "02128")]
    [InlineData("753 American Legion HW Roslindale 02131", "753 AMERICAN LEGION HWY", 753, 753, "ROSLINDALE", "02131")]
    [InlineData("993 to 997 Hyde Park AV Hyde Park 02136", "993 HYDE PARK AVE", 993, 997, "HYDE PARK", "02136")]
    [InlineData("272 to 276 Hyde Park AVE Jamaica Plain 02130", "272 HYDE PARK AVE", 272, 276, "JAMAICA PLAIN", "02130")]
    [InlineData("1852 to 1858 Centre ST West Roxbury 02132", "1852 CENTRE ST", 1852, 1858, "WEST ROXBURY", "02132")]
    [InlineData("80 to 100 Smith ST Mission Hill 02120", "80 SMITH ST", 80, 100, "MISSION HILL", "02120")]
    [InlineData("1002 to 1004 Tremont ST Mission Hill 02120", "1002 TREMONT ST", 1002, 1004, "MISSION HILL", "02120")]
    [InlineData("20 to 23 William C Kelly SQ East Boston 02128", "20 WILLIAM C KELLY SQ", 20, 23, "EAST BOSTON", "02128")]
    [InlineData("19 to 23 Maverick SQ East Boston 02128", "19 MAVERICK SQ", 19, 23, "EAST BOSTON", "02128")]
    [InlineData("8C Ford ST East Boston 02128", "8C FORD ST", 8, 8, "EAST BOSTON", "02128")]
    [InlineData("14B Geneva ST East Boston 02128", "14B GENEVA ST", 14, 14, "EAST BOSTON", "02128")]
    [InlineData("170 Old Colony Av South Boston 02127", "170 OLD COLONY AVE", 170, 170, "SOUTH BOSTON", "02127")]
    [InlineData("31 to 39 Lancaster ST Boston 02114", "31 LANCASTER ST", 31, 39, "BOSTON", "02114")]
    [InlineData("162 to 172 South ST Jamaica Plain 02130", "162 SOUTH ST", 162, 172, "JAMAICA PLAIN", "02130")]
    [InlineData("128 to 134 North ST Boston 02109", "128 NORTH ST", 128, 134, "BOSTON", "02109")]
    [InlineData("294R West St Hyde Park 02136", "294R WEST ST", 294, 294, "HYDE PARK", "02136")]
    [InlineData("1320 Dorchester Av Dorchester 02122", "1320 DORCHESTER AVE", 1320, 1320, "DORCHESTER", "02122")]
    [InlineData("1809 to 1813 Dorchester AV Dorchester 02124", "1809 DORCHESTER AVE", 1809, 1813, "DORCHESTER", "02124")]
    [InlineData("3 Half Moon ST Dorchester 02125", "3 HALF MOON ST", 3, 3, "DORCHESTER", "02125")]
    [InlineData("140 Chestnut Hill Av Brighton 02135", "140 CHESTNUT HILL AVE", 140, 140, "BRIGHTON", "02135")]
    public void Address_line_gives_the_canonical_address(string line, string key, int low, int high, string city, string zip)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal(low, address.NumberLow);
        Assert.Equal(high, address.NumberHigh);
        Assert.Equal(city, address.City);
        Assert.Equal(zip, address.Zip);
    }

    // ZBA puts a unit number between the street and the neighbourhood.
    [Theory]
    [InlineData("1180 Washington ST 500 Roxbury 02118", "1180 WASHINGTON ST", "500", "ROXBURY")]
    [InlineData("50 B ST 7 South Boston 02127", "50 B ST", "7", "SOUTH BOSTON")]
    public void Unit_between_street_and_neighbourhood(string line, string key, string unit, string city)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal(unit, address.Unit);
        Assert.Equal(city, address.City);
    }

    [Theory]
    [InlineData("289 to 289A D ST South Boston 02127", null, "A")]
    [InlineData("158H to 158 Cottage ST East Boston 02128", null, "H")]
    [InlineData("16R to 16RA Howe ST Dorchester 02125", "R", "RA")]
    [InlineData("25R to 31R Ashland St Dorchester 02122", "R", "R")]
    public void Letters_on_both_ends_of_a_range(string line, string? lowSuffix, string? highSuffix)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Equal(lowSuffix, address.NumberSuffix);
        Assert.Equal(highSuffix, address.NumberHighSuffix);
        Assert.True(address.IsRange);
    }
}
