using BIS.Ingest.Sources.Common;

namespace BIS.Ingest.Tests.Sources.Common;

public class FieldParserTests
{
    [Theory]
    [InlineData("2024-10-18", 2024, 10, 18)]
    [InlineData("2024-10-18 10:50:49", 2024, 10, 18)]
    [InlineData("2024-10-18T10:50:49", 2024, 10, 18)]
    [InlineData("10/18/2024", 2024, 10, 18)]
    [InlineData("1/2/2012", 2012, 1, 2)]
    [InlineData(" 01/02/2012 ", 2012, 1, 2)]
    [InlineData("01/02/2012 3:04 PM", 2012, 1, 2)]
    public void Parses_dates(string text, int y, int m, int d)
    {
        Assert.True(FieldParser.TryDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("N/A")]
    [InlineData(null)]
    public void Blank_dates_are_null_not_errors(string? text)
    {
        Assert.True(FieldParser.TryDate(text, out var date));
        Assert.Null(date);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("yesterday")]
    [InlineData("2024-02-30")]
    public void Garbage_dates_fail(string text)
    {
        Assert.False(FieldParser.TryDate(text, out _));
    }

    [Fact]
    public void Naive_timestamps_are_boston_local_time_in_both_seasons()
    {
        Assert.True(FieldParser.TryTimestamp("2024-10-18 10:50:49", out var summer));
        Assert.True(FieldParser.TryTimestamp("2024-01-18 10:50:49", out var winter));
        Assert.True(FieldParser.TryTimestamp("2024-01-18T15:50:49Z", out var utc));

        Assert.Equal(TimeSpan.FromHours(-4), summer!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 10, 18, 14, 50, 49, TimeSpan.Zero), summer.Value.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(-5), winter!.Value.Offset);
        Assert.Equal(winter.Value, utc!.Value);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 1,200 ", 1200)]
    [InlineData("12.0", 12)]
    public void Parses_ints(string text, int expected)
    {
        Assert.True(FieldParser.TryInt(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("twelve")]
    public void Garbage_ints_fail(string text) => Assert.False(FieldParser.TryInt(text, out _));

    [Theory]
    [InlineData("$1,234.50", 1234.50)]
    [InlineData("-3", -3)]
    [InlineData("1e3", 1000)]
    public void Parses_decimals(string text, decimal expected)
    {
        Assert.True(FieldParser.TryDecimal(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("NULL")]
    [InlineData("-")]
    [InlineData("")]
    public void Blank_numbers_are_null(string text)
    {
        Assert.True(FieldParser.TryDecimal(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("N", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("", null)]
    public void Parses_booleans(string text, bool? expected)
    {
        Assert.True(FieldParser.TryBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Garbage_boolean_fails() => Assert.False(FieldParser.TryBool("maybe", out _));

    [Theory]
    [InlineData("16298.0", "16298")]
    [InlineData(" 16298 ", "16298")]
    [InlineData("V91983", "V91983")]
    [InlineData("16298.5", "16298.5")]
    [InlineData(" ", null)]
    [InlineData("N/A", null)]
    public void Ids_are_text(string text, string? expected) => Assert.Equal(expected, SourceIds.IdText(text));

    [Theory]
    [InlineData("100021000", "0100021000")]
    [InlineData("100021000.0", "0100021000")]
    [InlineData("0102280000", "0102280000")]
    [InlineData("001.02e+08", null)]
    [InlineData("12345678901", null)]
    [InlineData("", null)]
    public void Parcel_ids_are_ten_digits(string text, string? expected) => Assert.Equal(expected, SourceIds.Pid10(text));

    [Theory]
    [InlineData("2128", "02128")]
    [InlineData("02128-1234", "02128")]
    [InlineData("00000", null)]
    [InlineData(" ", null)]
    public void Zips_are_five_digits(string text, string? expected) => Assert.Equal(expected, SourceIds.Zip5(text));
}
