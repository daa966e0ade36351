using System.Text.Json;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class PointsTests
{
    [Theory]
    [InlineData("84,5", 845)]
    [InlineData("84.5", 845)]
    [InlineData("84", 840)]
    [InlineData(" 7,0 ", 70)]
    [InlineData("0,5", 5)]
    [InlineData("0", 0)]
    [InlineData("-2,5", -25)]
    [InlineData("100", 1000)]
    [InlineData("84,50", 845)]
    public void Parse_accepts_Vietnamese_comma_and_invariant_dot(string text, int tenths)
    {
        Assert.Equal(Points.FromTenths(tenths), Points.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("84,55")]
    [InlineData("1.000,5")]
    [InlineData("8 4")]
    [InlineData("1e2")]
    [InlineData("84,")]
    public void TryParse_rejects_text_that_is_not_a_score_in_tenths(string? text)
    {
        Assert.False(Points.TryParse(text, out _));
    }

    [Fact]
    public void Parse_of_invalid_text_throws_with_a_Vietnamese_message()
    {
        var error = Assert.Throws<FormatException>(() => Points.Parse("mười"));
        Assert.Equal("\"mười\" không phải là số điểm hợp lệ.", error.Message);
    }

    [Theory]
    [InlineData(845, "84,5", "84.5")]
    [InlineData(850, "85", "85")]
    [InlineData(5, "0,5", "0.5")]
    [InlineData(0, "0", "0")]
    [InlineData(-25, "-2,5", "-2.5")]
    [InlineData(-5, "-0,5", "-0.5")]
    public void Formats_with_a_comma_and_no_trailing_zero(int tenths, string vietnamese, string invariant)
    {
        var points = Points.FromTenths(tenths);
        Assert.Equal(vietnamese, points.ToString());
        Assert.Equal(invariant, points.ToInvariantString());
    }

    [Theory]
    [InlineData(84.5, 845)]
    [InlineData(10, 100)]
    [InlineData(0.1, 1)]
    [InlineData(-3, -30)]
    public void FromDecimal_keeps_the_exact_value(decimal value, int tenths)
    {
        var points = Points.FromDecimal(value);
        Assert.Equal(tenths, points.Tenths);
        Assert.Equal(value, points.Value);
    }

    [Fact]
    public void FromDecimal_rejects_a_second_decimal_digit()
    {
        Assert.Throws<ArgumentException>(() => Points.FromDecimal(8.55m));
    }

    [Fact]
    public void Arithmetic_and_comparison_are_exact_in_tenths()
    {
        var sum = Enumerable.Repeat(Points.FromTenths(1), 10).Sum();
        Assert.Equal(Points.Whole(1), sum);
        Assert.Equal(Points.Parse("84,5"), Points.Whole(80) + Points.Parse("4,5"));
        Assert.Equal(Points.Parse("0,5"), Points.Whole(85) - Points.Parse("84,5"));
        Assert.Equal(Points.Whole(-5), -Points.Whole(5));
        Assert.Equal(Points.Whole(30), Points.Whole(10) * 3);
        Assert.True(Points.Parse("84,5") < Points.Whole(85));
        Assert.True(Points.Whole(85) >= Points.Whole(85));
        Assert.Equal(Points.Whole(85), Points.Max(Points.Whole(85), Points.Parse("84,5")));
        Assert.Equal(Points.Parse("84,5"), Points.Min(Points.Whole(85), Points.Parse("84,5")));
        Assert.Equal(Points.Zero, default);
    }

    [Fact]
    public void Sorting_orders_by_value()
    {
        var sorted = new[] { "10", "0,5", "9,5", "-1" }.Select(Points.Parse).Order().Select(p => p.ToString());
        Assert.Equal(["-1", "0,5", "9,5", "10"], sorted);
    }

    [Theory]
    [InlineData("10", "0,5", true)]
    [InlineData("10", "3", false)]
    [InlineData("9,5", "1", false)]
    [InlineData("0", "0,5", true)]
    [InlineData("10", "0", false)]
    [InlineData("10", "10", true)]
    public void IsMultipleOf_checks_the_step(string value, string step, bool expected)
    {
        Assert.Equal(expected, Points.Parse(value).IsMultipleOf(Points.Parse(step)));
    }

    [Fact]
    public void Json_writes_a_number_and_reads_a_number_or_a_Vietnamese_string()
    {
        Assert.Equal("84.5", JsonSerializer.Serialize(Points.Parse("84,5")));
        Assert.Equal("85", JsonSerializer.Serialize(Points.Whole(85)));
        Assert.Equal(Points.Parse("84,5"), JsonSerializer.Deserialize<Points>("84.5"));
        Assert.Equal(Points.Parse("84,5"), JsonSerializer.Deserialize<Points>("\"84,5\""));
        Assert.Null(JsonSerializer.Deserialize<Points?>("null"));
    }

    [Theory]
    [InlineData("8.55")]
    [InlineData("\"tám\"")]
    [InlineData("true")]
    public void Json_rejects_values_that_are_not_tenths(string json)
    {
        Assert.Throws<InvalidPointsJsonException>(() => JsonSerializer.Deserialize<Points>(json));
    }
}
