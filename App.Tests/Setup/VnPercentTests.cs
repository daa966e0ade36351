
namespace HocTapSuotDoi.Tests.Setup;

public sealed class VnPercentTests
{
    [Theory]
    [InlineData(6, 9, "66,67 %")]
    [InlineData(5, 7, "71,43 %")]
    [InlineData(1, 8, "12,50 %")]
    [InlineData(2, 3, "66,67 %")]
    [InlineData(29, 40, "72,50 %")]
    [InlineData(1, 3, "33,33 %")]
    [InlineData(7, 7, "100,00 %")]
    [InlineData(0, 15, "0,00 %")]
    [InlineData(1234, 1000, "123,40 %")]
    public void Percentages_have_two_decimals_and_a_decimal_comma(int count, int outOf, string text)
    {
        Assert.Equal(text, VnPercent.Format(count, outOf));
    }

    [Theory]
    [InlineData(1, 32, "3,13 %")]    // 3,125: half up, not to even (3,12)
    [InlineData(1, 160, "0,63 %")]   // 0,625
    [InlineData(1, 800, "0,13 %")]   // 0,125
    [InlineData(2, 3, "66,67 %")]    // 66,666…: rounded, never truncated to 66,66
    [InlineData(9999, 10000, "99,99 %")]
    [InlineData(19999, 20000, "100,00 %")] // 99,995 rounds up
    public void Midpoints_round_half_up_and_nothing_is_truncated(int count, int outOf, string text)
    {
        Assert.Equal(text, VnPercent.Format(count, outOf));
    }

    [Fact]
    public void Nothing_to_divide_by_is_a_dash_not_zero()
    {
        Assert.Null(VnPercent.Of(0, 0));
        Assert.Equal("—", VnPercent.Format(0, 0));
        Assert.Equal("—", VnPercent.Format(null));
    }

    [Fact]
    public void The_rate_is_the_number_shown()
    {
        Assert.Equal(66.67m, VnPercent.Of(6, 9));
        Assert.Equal("70,00 %", VnPercent.Format(70m));
        Assert.Equal("72,46 %", VnPercent.Format(72.455m));
    }

    [Theory]
    [InlineData(1.255, "+1,26")]
    [InlineData(-0.5, "−0,50")]
    [InlineData(0, "0,00")]
    public void A_change_is_in_percentage_points_with_its_sign(decimal points, string text)
    {
        Assert.Equal(text, VnPercent.Change(points));
    }
}
