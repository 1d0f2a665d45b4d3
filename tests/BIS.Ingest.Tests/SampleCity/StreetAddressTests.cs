using BIS.Ingest.SampleCity;

namespace BIS.Ingest.Tests.SampleCity;

public sealed class StreetAddressTests
{
    [Theory]
    [InlineData("254 256 BENNINGTON ST", "254", "256", "BENNINGTON", "ST")]
    [InlineData("426 R SARATOGA ST", "426R", null, "SARATOGA", "ST")]
    [InlineData("160 - 250 WALDEMAR AV", "160", "250", "WALDEMAR", "AV")]
    [InlineData("98 R 100R CONDOR ST", "98R", "100R", "CONDOR", "ST")]
    [InlineData("297 E EAGLE ST", "297", null, "E EAGLE", "ST")]
    [InlineData("15 SWIFT TE", "15", null, "SWIFT", "TE")]
    [InlineData("    WM F MCCLELLAN HW", "", null, "WM F MCCLELLAN", "HW")]
    [InlineData("12 B ST", "12", null, "B", "ST")]
    [InlineData("7 Waldemar Avenue", "7", null, "WALDEMAR", "AV")]
    public void Parses_the_real_footprint_address_forms(string text, string number, string? number2, string street, string suffix)
    {
        var address = StreetAddress.Parse(text);

        Assert.NotNull(address);
        Assert.Equal((number, number2, street, suffix), (address.Number, address.Number2, address.Street, address.Suffix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Blank_addresses_have_no_street(string? text) => Assert.Null(StreetAddress.Parse(text));

    [Fact]
    public void Written_forms_vary_only_within_the_controlled_share()
    {
        var address = new StreetAddress("254", "256", "BENNINGTON", "ST");
        var random = new Random(1);
        var forms = Enumerable.Range(0, 2_000).Select(_ => address.Written(random, new Messiness())).ToList();

        var canonical = forms.Count(f => f == "254 BENNINGTON ST");
        Assert.InRange(canonical / 2_000.0, 0.75, 0.9);
        Assert.Contains("254 Bennington Street", forms);
        Assert.Contains("254-256 BENNINGTON ST", forms);
        Assert.Contains(forms, f => f.Contains("APT", StringComparison.Ordinal) || f.Contains('#', StringComparison.Ordinal));
        Assert.Contains(forms, f => f == f.ToLowerInvariant());
    }
}
