using BIS.Domain.Addresses;

namespace BIS.Domain.Tests.Addresses;

/// <summary>Search boxes and files deliver anything; the normalizer answers null, never throws.</summary>
public class AddressRobustnessTests
{
    public static TheoryData<string?> NoAddress => new()
    {
        null, "", " ", "  ", "\t\r\n", "302", "302 ", "0", "02128", "-", "#", "&", "1/2", "\u00BD", "((((", "]",
        "East Boston", "Boston, MA 02128", "  MA  02127", "INTERSECTION", "\u0000\u0001\u0002",
        new string('A', 10_000), string.Concat(Enumerable.Repeat("302 SUMNER ST ", 800)),
    };

    [Theory]
    [MemberData(nameof(NoAddress))]
    public void Text_without_a_street_is_null(string? text) => Assert.Null(AddressNormalizer.Normalize(text));

    [Theory]
    [InlineData("302\u0000SUMNER\u0007ST\u001b", "302 SUMNER ST")]
    [InlineData("302\tSumner\r\nStreet", "302 SUMNER ST")]
    [InlineData("302 S\u00FAmner St", "302 SUMNER ST")]
    [InlineData("\U0001F525 302 Sumner St \U0001F692", "302 SUMNER ST")]
    [InlineData("\uFEFF302 Sumner St", "302 SUMNER ST")]
    [InlineData("302 Sumner St (rear building", "302 SUMNER ST")]
    [InlineData("302 \"Sumner\" St.", "302 SUMNER ST")]
    public void Control_characters_and_unicode_are_separators(string text, string key) =>
        Assert.Equal(key, AddressNormalizer.Normalize(text)?.Key);

    [Fact]
    public void Long_padding_around_a_real_address_is_ignored()
    {
        var padded = new string(' ', 10_000) + "302 Sumner St" + new string('\t', 10_000);

        Assert.Equal("302 SUMNER ST", AddressNormalizer.Normalize(padded)?.Key);
    }

    [Theory]
    [InlineData("99999999999 MAIN ST")]
    [InlineData("2147483648 MAIN ST")]
    [InlineData("1-2-3-4-5-6-7")]
    [InlineData("12 - - - MAIN")]
    [InlineData("\uD800\uDC00\uD800")]
    [InlineData("# # # #")]
    [InlineData("12 TO")]
    [InlineData("12 FL")]
    [InlineData("APT 3")]
    [InlineData("12 NR")]
    [InlineData("NR NR NR ST")]
    [InlineData("31-Feb")]
    [InlineData("26-Feb NEW")]
    [InlineData("E")]
    [InlineData("ST ST ST")]
    [InlineData("Boston Boston Boston Boston Boston")]
    public void Odd_input_does_not_throw(string text)
    {
        var exception = Record.Exception(() => AddressNormalizer.Normalize(text));

        Assert.Null(exception);
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(20240611);
        const string alphabet = "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz -#&,./()[]'\"\t\u00BD\u00E9\u0000\uD800";
        for (var i = 0; i < 5_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var exception = Record.Exception(() =>
            {
                AddressNormalizer.Normalize(text);
                AddressNormalizer.FromParts(text, text, text, text, text, text, text);
                AddressNormalizer.NormalizeZip(text);
            });

            Assert.Null(exception);
        }
    }

    [Fact]
    public void Split_columns_with_hostile_values_do_not_throw()
    {
        var huge = new string('9', 10_000);

        Assert.Null(AddressNormalizer.FromParts(null, null, null, null, null, null, null));
        Assert.Null(AddressNormalizer.FromParts(huge, huge, huge, huge, huge, huge, huge));
        Assert.Null(AddressNormalizer.FromParts("\u0000", "\u0001", "\u0002", "\u0003"));
        Assert.Equal("SUMNER ST", AddressNormalizer.FromParts(huge, null, "Sumner", "ST")?.Key);
    }
}
