using BIS.Domain.Hazards;

namespace BIS.Domain.Tests.Hazards;

public class Nfpa704Tests
{
    [Fact]
    public void Renders_ratings_and_special()
    {
        var diamond = Nfpa704.Create(3, 0, 0, "W");
        Assert.Equal("NFPA 704: H3 F0 I0 W", diamond.ToString());
        Assert.True(diamond.IsWaterReactive);
        Assert.Equal(3, diamond.MaxRating);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(40)]
    public void Out_of_range_rating_is_unknown(int rating)
    {
        var diamond = Nfpa704.Create(rating, 2, null);
        Assert.Null(diamond.Health);
        Assert.Equal(2, diamond.MaxRating);
        Assert.Equal("NFPA 704: H? F2 I?", diamond.ToString());
    }

    [Theory]
    [InlineData("OX", Nfpa704Special.Oxidizer)]
    [InlineData("oxy", Nfpa704Special.Oxidizer)]
    [InlineData(" SA ", Nfpa704Special.SimpleAsphyxiant)]
    [InlineData("-W-", Nfpa704Special.WaterReactive)]
    [InlineData("W OX", Nfpa704Special.WaterReactive | Nfpa704Special.Oxidizer)]
    [InlineData("COR", Nfpa704Special.None)]
    [InlineData(null, Nfpa704Special.None)]
    public void Parses_special_hazards(string? text, Nfpa704Special expected) => Assert.Equal(expected, Nfpa704.ParseSpecial(text));

    [Fact]
    public void Nothing_known_is_not_rated()
    {
        var diamond = Nfpa704.Create(null, 9, null, "xyz");
        Assert.False(diamond.IsRated);
        Assert.Null(diamond.MaxRating);
        Assert.Equal("NFPA 704: not rated", diamond.ToString());
        Assert.Equal(default, diamond);
    }

    [Fact]
    public void Renders_several_specials_in_fixed_order() =>
        Assert.Equal("NFPA 704: H4 F4 I2 W OX", Nfpa704.Create(4, 4, 2, "OX/W").ToString());
}
