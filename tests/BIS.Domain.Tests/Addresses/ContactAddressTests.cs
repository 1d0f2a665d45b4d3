using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>
/// The contact_addr1 column of the violations files: owners' and agents' addresses, typed by hand, with every unit
/// style the clerks use and remarks after the street.
/// </summary>
public class ContactAddressTests
{
    [Theory]
    [InlineData("105 CUSHING AVE, 1st floor", "105 CUSHING AVE", "FL 1")]
    [InlineData("1124 SARATOGA ST, 1ST FLR", "1124 SARATOGA ST", "FL 1")]
    [InlineData("136  Chelsea St, 3rd Floor", "136 CHELSEA ST", "FL 3")]
    [InlineData("161 GRANITE AVE 2ND FLOOR", "161 GRANITE AVE", "FL 2")]
    [InlineData("200 WEST ST 35TH FLOOR", "200 WEST ST", "FL 35")]
    [InlineData("1495 HANCOCK ST 4TH FL", "1495 HANCOCK ST", "FL 4")]
    [InlineData("1010 massachusetts ave 6 th floor", "1010 MASSACHUSETTS AVE", "FL 6")]
    [InlineData("172 SALEM STREET, APT 2", "172 SALEM ST", "APT 2")]
    [InlineData("10 WHITBY STREET APT 110", "10 WHITBY ST", "APT 110")]
    [InlineData("1788 BEACON STREET APT 2A", "1788 BEACON ST", "APT 2A")]
    [InlineData("112 PINCKNEY STREET APT. # 43", "112 PINCKNEY ST", "APT 43")]
    [InlineData("105 EUTAW ST Unit 1", "105 EUTAW ST", "UNIT 1")]
    [InlineData("118 PRINCETON STREET UNIT B", "118 PRINCETON ST", "UNIT B")]
    [InlineData("135 CHELSEA STREET UNIT #1", "135 CHELSEA ST", "UNIT 1")]
    [InlineData("1 MORTON PL, Unit #2", "1 MORTON PL", "UNIT 2")]
    [InlineData("10 HUNTINGTON AVE, SUITE 217", "10 HUNTINGTON AVE", "STE 217")]
    [InlineData("101 TREMONT ST,  STE 800J", "101 TREMONT ST", "STE 800J")]
    [InlineData("1600 BOSTON-PROVIDENCE HIGHWAY SUITE 287", "1600 BOSTON PROVIDENCE HWY", "STE 287")]
    [InlineData("1 HARBORSIDE DR #200S", "1 HARBORSIDE DR", "200S")]
    [InlineData("1053 SARATOGA ST # 1", "1053 SARATOGA ST", "1")]
    [InlineData("184 COTTAGE ST #1-R", "184 COTTAGE ST", "1R")]
    [InlineData("169 BEACON ST #B-1", "169 BEACON ST", "B1")]
    [InlineData("1515 VFW PARKWAY #R77", "1515 VFW PKWY", "R77")]
    [InlineData("103 ST ANDREW RD #2", "103 SAINT ANDREW RD", "2")]
    [InlineData("2 WEST SIXTH ST #207", "2 W 6TH ST", "207")]
    [InlineData("16 Cottage Street   #1", "16 COTTAGE ST", "1")]
    [InlineData("180 chelsea st  apt1", "180 CHELSEA ST", "APT 1")]
    [InlineData("862 east second street apt2", "862 E 2ND ST", "APT 2")]
    [InlineData("200 HIGHLAND AVE SUIT 303", "200 HIGHLAND AVE", "STE 303")]
    [InlineData("244 LEXINGTON ST, First Floor", "244 LEXINGTON ST", "FL 1")]
    public void Unit_is_split_from_the_street(string line, string key, string unit)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal(unit, address.Unit);
    }

    [Theory]
    [InlineData("20 PARIS STREET LLC", "20 PARIS ST")]
    [InlineData("479 MERIDIAN STREET, LLC", "479 MERIDIAN ST")]
    [InlineData("227 EVERETT ST CONDO", "227 EVERETT ST")]
    [InlineData("111-113 townsend st condo - banner pub", "111 TOWNSEND ST")]
    [InlineData("242-244 Paris St ONE PARCEL", "242 PARIS ST")]
    [InlineData("720 Bennington St realty trust", "720 BENNINGTON ST")]
    [InlineData("2900 Connecticut Ave, NW", "2900 CONNECTICUT AVE NW")]
    [InlineData("361Sumner St", "361 SUMNER ST")]
    [InlineData("90White St", "90 WHITE ST")]
    [InlineData("ONE CURTIS STREET", "1 CURTIS ST")]
    [InlineData("599 EAST BROADWAY", "599 E BROADWAY")]
    [InlineData("2617 24 AVE APT 3", "2617 24 AVE")]
    public void Remarks_and_typing_slips_around_the_street(string line, string key) =>
        Assert.Equal(key, AddressNormalizer.Normalize(line)?.Key);

    // None of these locates a building.
    [Theory]
    [InlineData("PO BOX 1046")]
    [InlineData("P O BOX 2331")]
    [InlineData("C/O BARKAN MANAGEMENT")]
    [InlineData("c/o Esther Tsang")]
    [InlineData("APT # 1")]
    [InlineData("UNIT 1")]
    public void Lines_without_a_building_are_null(string line) => Assert.Null(AddressNormalizer.Normalize(line));

    [Theory]
    [InlineData("Unit 1", "UNIT 1")]
    [InlineData("#1", "1")]
    [InlineData("2nd Floor", "FL 2")]
    [InlineData("APT 3", "APT 3")]
    [InlineData(" ", null)]
    public void Unit_column_is_canonical(string unit, string? expected) =>
        Assert.Equal(expected, AddressNormalizer.FromParts("105", null, "Cushing", "AVE", unit: unit)?.Unit);
}
