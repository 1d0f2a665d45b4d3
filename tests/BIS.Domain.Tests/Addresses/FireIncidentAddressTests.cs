using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>The <c>full_address</c> column of fire_incidents_2012_geocoded_derived.csv: "&lt;number&gt; &lt;STREET&gt; Boston, MA &lt;ZIP&gt;", BFD street codes.</summary>
public class FireIncidentAddressTests
{
    [Theory]
    [InlineData("44 JOHN ELIOT SQ Boston, MA 02119", "44 JOHN ELIOT SQ", "02119")]
    [InlineData("26 WILMORE ST Boston, MA 02126", "26 WILMORE ST", "02126")]
    [InlineData("1 CHILDRENS WY Boston, MA 02128", "1 CHILDRENS WAY", "02128")]
    [InlineData("2 FIDELIS WY Boston, MA 02128", "2 FIDELIS WAY", "02128")]
    [InlineData("20 BISHOP JOE L SMITH WY Boston, MA 02121", "20 BISHOP JOE L SMITH WAY", "02121")]
    [InlineData("6 LOUIS D BROWN WY Boston, MA 02124", "6 LOUIS D BROWN WAY", "02124")]
    [InlineData("1 SEAPORT LA Boston, MA 02128", "1 SEAPORT LN", "02128")]
    [InlineData("14 PARK LA Boston, MA 02130", "14 PARK LN", "02130")]
    [InlineData("100 MORRISSEY BL Boston, MA 02215", "100 MORRISSEY BLVD", "02215")]
    [InlineData("55 MALCOLM X BL Boston, MA 02128", "55 MALCOLM X BLVD", "02128")]
    [InlineData("280 KING BL Boston, MA 02119", "280 KING BLVD", "02119")]
    [InlineData("11 KINGSBORO PK Boston, MA 02130", "11 KINGSBORO PARK", "02130")]
    [InlineData("14 BUNKER HILL IND PK Boston, MA 02129", "14 BUNKER HILL IND PARK", "02129")]
    [InlineData("110 WIDETT CR Boston, MA 02134", "110 WIDETT CIR", "02134")]
    [InlineData("18 NEPTUNE CR Boston, MA 02128", "18 NEPTUNE CIR", "02128")]
    [InlineData("19 MUNROE TR Boston, MA 02122", "19 MUNROE TER", "02122")]
    [InlineData("5 TRUSTMAN TR Boston, MA 02128", "5 TRUSTMAN TER", "02128")]
    [InlineData("8 KILSYTH TR Boston, MA 02146", "8 KILSYTH TER", "02146")]
    [InlineData("1213 VFW PY Boston, MA 02132", "1213 VFW PKWY", "02132")]
    [InlineData("223 NEPONSET VALLEY PY Boston, MA 02136", "223 NEPONSET VALLEY PKWY", "02136")]
    [InlineData("60 BIRMINGHAM PY Boston, MA 02135", "60 BIRMINGHAM PKWY", "02135")]
    [InlineData("121 MCCLELLAN HY Boston, MA 02128", "121 MCCLELLAN HWY", "02128")]
    [InlineData("140 AMERICAN LEGION HY Boston, MA 02131", "140 AMERICAN LEGION HWY", "02131")]
    [InlineData("2 BATTERY WF Boston, MA 02120", "2 BATTERY WHF", "02120")]
    [InlineData("49 COMMERCIAL WF Boston, MA 02110", "49 COMMERCIAL WHF", "02110")]
    [InlineData("5 BAKERS AL Boston, MA 02132", "5 BAKERS ALY", "02132")]
    [InlineData("10 PARK PLZ Boston, MA 02116", "10 PARK PLZ", "02116")]
    [InlineData("114 16TH ST Boston, MA 02129", "114 16TH ST", "02129")]
    [InlineData("195 3RD ST Boston, MA 02127", "195 3RD ST", "02127")]
    [InlineData("594 2ND ST Boston, MA 02127", "594 2ND ST", "02127")]
    [InlineData("1144 C0MMONWEALTH AV Boston, MA 02134", "1144 COMMONWEALTH AVE", "02134")]
    [InlineData("1024 MASSACHUSETTS AV Boston, MA 02118", "1024 MASSACHUSETTS AVE", "02118")]
    [InlineData("126-128 LONDON ST Boston, MA 02128", "126 LONDON ST", "02128")]
    [InlineData("78 AVE LOUIS PASTEUR Boston, MA 02115", "78 AVENUE LOUIS PASTEUR", "02115")]
    [InlineData("203 ARBORWAY Boston, MA 02130", "203 ARBORWAY", "02130")]
    [InlineData("332 BROADWAY Boston, MA 02127", "332 BROADWAY", "02127")]
    [InlineData("400 FENWAY Boston, MA 02113", "400 FENWAY", "02113")]
    [InlineData("59 FENWAY Boston, MA 02115", "59 FENWAY", "02115")]
    [InlineData("1 BOSTON HARBOR Boston, MA 02128", "1 BOSTON HARBOR", "02128")]
    [InlineData("8215 CITY OF CHELSEA Boston, MA 02150", "8215 CITY OF CHELSEA", "02150")]
    [InlineData("PEABODY CITY OF Boston, MA 01960", "PEABODY CITY OF", "01960")]
    [InlineData("TOBIN BRIDGE UPPER LEVEL Boston, MA 02128", "TOBIN BRIDGE UPPER LEVEL", "02128")]
    [InlineData("1ST ST Boston, MA 02127", "1ST ST", "02127")]
    [InlineData("4TH ST Boston, MA 02127", "4TH ST", "02127")]
    [InlineData("A ST Boston, MA 02127", "A ST", "02127")]
    [InlineData("D ST Boston, MA 02210", "D ST", "02210")]
    [InlineData("EAST ST Boston, MA 02111", "EAST ST", "02111")]
    [InlineData("BROADWAY Boston, MA 02127", "BROADWAY", "02127")]
    [InlineData("UNION PARK ST Boston, MA 02118", "UNION PARK ST", "02118")]
    [InlineData("MAVERICK SQ Boston, MA 02128", "MAVERICK SQ", "02128")]
    [InlineData("ADAMS NR LOWER MILLS ST Boston, MA 02124", "ADAMS ST", "02124")]
    [InlineData("DUDLEY NR 253 ST Boston, MA 02119", "DUDLEY ST", "02119")]
    [InlineData("I90 WEST EASTERN END (EB) Boston, MA 02128", "I90 WEST EASTERN END", "02128")]
    [InlineData("I93 Boston, MA 00000", "I93", null)]
    [InlineData("I93 TUN Boston, MA 00000", "I93 TUN", null)]
    [InlineData("FRONTAGE Boston, MA [EXIT-18]", "FRONTAGE", null)]
    public void Incident_address_gives_the_canonical_address(string line, string key, string? zip)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Equal(key, address.Key);
        Assert.Equal("BOSTON", address.City);
        Assert.Equal(zip, address.Zip);
    }

    // BFD records "0" when the location has no house number.
    [Theory]
    [InlineData("0 BARNES AV Boston, MA 02128", "BARNES AVE")]
    [InlineData("0 MCCLELLAN HY Boston, MA 02128", "MCCLELLAN HWY")]
    [InlineData("0 MASSACHUSETTS AV Boston, MA 02115", "MASSACHUSETTS AVE")]
    [InlineData("0 GEORGES ISLAND Boston, MA 02128", "GEORGES ISLAND")]
    [InlineData("0 THOMPSONS ISLAND Boston, MA 02128", "THOMPSONS ISLAND")]
    public void House_number_zero_means_no_number(string line, string key)
    {
        var address = AddressNormalizer.Normalize(line);

        Assert.NotNull(address);
        Assert.Null(address.NumberLow);
        Assert.Equal(key, address.Key);
    }
}
