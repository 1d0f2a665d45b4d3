using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

public class ZipNormalizationTests
{
    [Theory]
    [InlineData("02128", "02128")]
    [InlineData(" 02128 ", "02128")]
    [InlineData("2128", "02128")] // leading zero lost in a spreadsheet
    [InlineData("2128.0", "02128")]
    [InlineData("02126-1616", "02126")]
    [InlineData("02126 1616", "02126")]
    [InlineData("021261616", "02126")]
    [InlineData("01960", "01960")]
    [InlineData("02467", "02467")]
    public void Zip_is_five_digits(string zip, string expected) => Assert.Equal(expected, AddressNormalizer.NormalizeZip(zip));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("00000")]
    [InlineData("[EXIT-18]")]
    [InlineData("ABCDE")]
    [InlineData("021")]
    [InlineData("0212")]
    [InlineData("021281")]
    [InlineData("MA 02128")]
    public void Junk_zip_is_null(string? zip) => Assert.Null(AddressNormalizer.NormalizeZip(zip));
}
