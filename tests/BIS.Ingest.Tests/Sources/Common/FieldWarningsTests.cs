using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Tests.Sources.Common;

public class FieldWarningsTests
{
    [Theory]
    [InlineData("3", 3)]
    [InlineData(" 4.0 ", 4)]
    [InlineData("", null)]
    [InlineData("N/A", null)]
    [InlineData(null, null)]
    public void Usable_and_blank_values_raise_no_warning(string? text, int? expected)
    {
        var warnings = new FieldWarnings();

        Assert.Equal(expected, warnings.Int("NFPA_FIRE", text, 0, 4));
        Assert.Null(warnings.Items);
    }

    [Theory]
    [InlineData("7", "NFPA_FIRE \"7\" is outside 0–4; kept as unknown")]
    [InlineData("X", "NFPA_FIRE \"X\" is not a whole number; kept as unknown")]
    [InlineData("2.5", "NFPA_FIRE \"2.5\" is not a whole number; kept as unknown")]
    public void An_unusable_value_becomes_unknown_with_a_warning_that_quotes_it(string text, string warning)
    {
        var warnings = new FieldWarnings();

        Assert.Null(warnings.Int("NFPA_FIRE", text, 0, 4));
        Assert.Equal([warning], warnings.Items);
    }

    [Fact]
    public void One_sided_limits_are_said_as_such_and_every_kind_of_field_warns()
    {
        var warnings = new FieldWarnings();

        warnings.Decimal("QUANTITY", "-5", min: 0);
        warnings.Int("FLOORS", "400", max: 150);
        warnings.Date("ISSUED", "31/31/2024");
        warnings.Timestamp("STATUS_DTTM", "yesterday");
        warnings.Bool("standpipe", "maybe");

        Assert.Equal(
            [
                "QUANTITY \"-5\" is below 0; kept as unknown",
                "FLOORS \"400\" is above 150; kept as unknown",
                "ISSUED \"31/31/2024\" is not a date; kept as unknown",
                "STATUS_DTTM \"yesterday\" is not a date and time; kept as unknown",
                "standpipe \"maybe\" is not yes or no; kept as unknown",
            ],
            warnings.Items);
    }

    [Fact]
    public void A_hostile_value_is_cut_flattened_and_cannot_carry_a_nul_into_the_database()
    {
        var warnings = new FieldWarnings();

        warnings.Add("NOTES", "line one\r\nline two\0" + new string('x', 200), "is odd");

        var warning = Assert.Single(warnings.Items!);
        Assert.DoesNotContain('\0', warning);
        Assert.DoesNotContain('\n', warning);
        Assert.StartsWith("NOTES \"line one line two\uFFFDxxx", warning, StringComparison.Ordinal);
        Assert.Contains("…\" is odd; kept as unknown", warning, StringComparison.Ordinal);
        Assert.True(warning.Length < 120, warning);
    }
}
