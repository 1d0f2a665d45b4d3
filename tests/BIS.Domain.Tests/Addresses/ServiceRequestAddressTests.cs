using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>The <c>location</c> column of service_requests_311_isd_housing_2022.csv: fields separated by double spaces.</summary>
public class ServiceRequestAddressTests
{
    [Theory]
    [InlineData("59 Pinckney St  Boston  MA  02114", "59 PINCKNEY ST", "BOSTON", "02114")]
    [InlineData("70 Saint Botolph St  Boston  MA  02116", "70 SAINT BOTOLPH ST", "BOSTON", "02116")]
    [InlineData("28 Fleet St  Boston  MA  02113", "28 FLEET ST", "BOSTON", "02113")]
    [InlineData("1 Emerson Pl  Boston  MA  02114", "1 EMERSON PL", "BOSTON", "02114")]
    [InlineData("1 Park Ln  Boston  MA  02210", "1 PARK LN", "BOSTON", "02210")]
    [InlineData("24 Bellflower St  Dorchester  MA  02125", "24 BELLFLOWER ST", "DORCHESTER", "02125")]
    [InlineData("15 Mclellan St  Dorchester  MA  02121", "15 MCLELLAN ST", "DORCHESTER", "02121")]
    [InlineData("189-191 Norwell St  Dorchester  MA  02124", "189 NORWELL ST", "DORCHESTER", "02124")]
    [InlineData("286 Roxbury St  Roxbury  MA  02119", "286 ROXBURY ST", "ROXBURY", "02119")]
    [InlineData("221 Blue Hill Ave  Roxbury  MA  02119", "221 BLUE HILL AVE", "ROXBURY", "02119")]
    [InlineData("100 W Dedham St  Roxbury  MA  02118", "100 W DEDHAM ST", "ROXBURY", "02118")]
    [InlineData("42 Harrison Archways  Roxbury  MA  02118", "42 HARRISON ARCHWAYS", "ROXBURY", "02118")]
    [InlineData("28A Adams St  Roxbury  MA  02119", "28A ADAMS ST", "ROXBURY", "02119")]
    [InlineData("100 S Huntington Ave  Mission Hill  MA  02120", "100 S HUNTINGTON AVE", "MISSION HILL", "02120")]
    [InlineData("11-11A Parker Hill Ave  Mission Hill  MA  02120", "11 PARKER HILL AVE", "MISSION HILL", "02120")]
    [InlineData("50-58 Annunciation Rd  Mission Hill  MA  02120", "50 ANNUNCIATION RD", "MISSION HILL", "02120")]
    [InlineData("229A River St  Mattapan  MA  02126", "229A RIVER ST", "MATTAPAN", "02126")]
    [InlineData("760 Cummins Hwy  Mattapan  MA  02126", "760 CUMMINS HWY", "MATTAPAN", "02126")]
    [InlineData("104 First Ave  Charlestown  MA  02129", "104 1ST AVE", "CHARLESTOWN", "02129")]
    [InlineData("82 Walford Way  Charlestown  MA  02129", "82 WALFORD WAY", "CHARLESTOWN", "02129")]
    [InlineData("17 Saint Rose St  Jamaica Plain  MA  02130", "17 SAINT ROSE ST", "JAMAICA PLAIN", "02130")]
    [InlineData("7-9 Wenham St  Jamaica Plain  MA  02130", "7 WENHAM ST", "JAMAICA PLAIN", "02130")]
    [InlineData("9-11 Cass St  West Roxbury  MA  02132", "9 CASS ST", "WEST ROXBURY", "02132")]
    [InlineData("4945 Washington St  West Roxbury  MA  02132", "4945 WASHINGTON ST", "WEST ROXBURY", "02132")]
    [InlineData("11 W Broadway   South Boston  MA  02127", "11 W BROADWAY", "SOUTH BOSTON", "02127")]
    [InlineData("59 B St  South Boston  MA  02127", "59 B ST", "SOUTH BOSTON", "02127")]
    [InlineData("339 D St  South Boston  MA  02127", "339 D ST", "SOUTH BOSTON", "02127")]
    [InlineData("2-12 Joseph Agri St  South Boston  MA  02127", "2 JOSEPH AGRI ST", "SOUTH BOSTON", "02127")]
    [InlineData("5 Dr. Michael Gavin Way  South Boston  MA  02127", "5 DR MICHAEL GAVIN WAY", "SOUTH BOSTON", "02127")]
    [InlineData("261 Monsignor Dennis F. O'Callaghan Way  South Boston  MA  02127", "261 MONSIGNOR DENNIS F OCALLAGHAN WAY", "SOUTH BOSTON", "02127")]
    [InlineData("7 N Crescent Cirt  Brighton  MA  02135", "7 N CRESCENT CIR", "BRIGHTON", "02135")]
    [InlineData("6 Orkney Rd  Brighton  MA  02135", "6 ORKNEY RD", "BRIGHTON", "02135")]
    [InlineData("5 Linden St  Allston  MA  02134", "5 LINDEN ST", "ALLSTON", "02134")]
    [InlineData("448 Hyde Park Ave  Roslindale  MA  02131", "448 HYDE PARK AVE", "ROSLINDALE", "02131")]
    [InlineData("28-30 Hillis Rd  Hyde Park  MA  02136", "28 HILLIS RD", "HYDE PARK", "02136")]
    [InlineData("1338 River St  Hyde Park  MA  02136", "1338 RIVER ST", "HYDE PARK", "02136")]
    [InlineData("64 Lubec St  East Boston  MA  02128", "64 LUBEC ST", "EAST BOSTON", "02128")]
    [InlineData("135 Orleans St  East Boston  MA  02128", "135 ORLEANS ST", "EAST BOSTON", "02128")]
    public void Location_gives_the_canonical_address(string location, string key, string city, string zip)
    {
        var address = AddressNormalizer.Normalize(location);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal(city, address.City);
        Assert.Equal(zip, address.Zip);
    }

    // An intersection is not a building: there is nothing to link it to.
    [Theory]
    [InlineData("INTERSECTION of Barbara St & S Huntington Ave  Jamaica Plain  MA  ")]
    [InlineData("INTERSECTION of Druid St & Morton St  Mattapan  MA  ")]
    [InlineData("Barbara St & S Huntington Ave")]
    public void Intersection_is_null(string location) => Assert.Null(AddressNormalizer.Normalize(location));
}
