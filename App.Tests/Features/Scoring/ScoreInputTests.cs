using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Tests.Features.Scoring;

public sealed class ScoreInputTests
{
    private static readonly CriteriaItem HalfPoints = new() { Code = "1.2", Text = "Kết quả học tập", Max = Points.Whole(10), Step = Points.FromTenths(5) };
    private static readonly StoredAnswer SavedSix = new(ScoreTenths: 60);

    [Theory]
    [InlineData("2,5", 2.5)]
    [InlineData("2.5", 2.5)]
    [InlineData(" 2,5 ", 2.5)]
    [InlineData("0.5", 0.5)]
    [InlineData("0,5", 0.5)]
    [InlineData("3.3", 3.3)]
    [InlineData("10", 10)]
    [InlineData("1.000", 1)] // a decimal mark, never a thousands separator
    [InlineData("99999999999", 99999999999)]
    [InlineData(",5", 0.5)]
    [InlineData("2,", 2)] // "2,5" half typed
    [InlineData("-1", -1)]
    public void Numbers_are_read_with_comma_or_dot_as_the_decimal_mark(string text, double expected)
    {
        Assert.True(ScoreInput.TryParse(text, out var score));
        Assert.Equal((decimal)expected, score);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_field_is_no_score(string? text)
    {
        Assert.True(ScoreInput.TryParse(text, out var score));
        Assert.Null(score);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2,5 điểm")]
    [InlineData("1,2,3")]
    [InlineData("1.000,5")]
    [InlineData("1e3")]
    [InlineData("2 5")]
    [InlineData(",")]
    [InlineData("٣")] // digits of another script are not read as scores
    public void Anything_else_is_not_a_number(string text) => Assert.False(ScoreInput.TryParse(text, out _));

    [Fact]
    public void More_digits_than_a_decimal_holds_is_still_a_number_far_out_of_range()
    {
        Assert.True(ScoreInput.TryParse(new string('9', 40), out var score));
        Assert.Equal(decimal.MaxValue, score);
        Assert.Equal($"Tiêu chí 1.2: điểm {new string('9', 20)}… phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.",
            ScoreInput.Read(HalfPoints, new string('9', 40), SavedSix).Refusal);
    }

    [Theory]
    [InlineData("2,5", 25)]
    [InlineData("2.5", 25)]
    [InlineData(" 2,5 ", 25)]
    [InlineData("0.5", 5)]
    [InlineData("10", 100)]
    [InlineData("10.0", 100)]
    [InlineData("1.000", 10)]
    [InlineData("0", 0)]
    public void A_score_within_range_and_on_the_step_is_accepted_in_tenths(string text, int tenths) =>
        Assert.Equal(new ScoreReading(tenths, null), ScoreInput.Read(HalfPoints, text, SavedSix));

    [Fact]
    public void An_emptied_field_clears_the_score() => Assert.Equal(new ScoreReading(null, null), ScoreInput.Read(HalfPoints, "", SavedSix));

    [Theory]
    [InlineData("abc", "Tiêu chí 1.2: “abc” không phải là số; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("3.3", "Tiêu chí 1.2: điểm 3,3 không đúng bước 0,5 (chọn 3 hoặc 3,5); giữ nguyên giá trị đã lưu 6.")]
    [InlineData("2,25", "Tiêu chí 1.2: điểm 2,25 không đúng bước 0,5 (chọn 2 hoặc 2,5); giữ nguyên giá trị đã lưu 6.")]
    [InlineData("10.5", "Tiêu chí 1.2: điểm 10,5 phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("-0,5", "Tiêu chí 1.2: điểm -0,5 phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("99999999999", "Tiêu chí 1.2: điểm 99999999999 phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("1.000,5", "Tiêu chí 1.2: “1.000,5” không phải là số; giữ nguyên giá trị đã lưu 6.")]
    public void A_refused_text_says_why_in_Vietnamese_and_names_the_saved_value_that_stays(string text, string message)
    {
        var reading = ScoreInput.Read(HalfPoints, text, SavedSix);
        Assert.False(reading.Accepted);
        Assert.Null(reading.Tenths);
        Assert.Equal(message, reading.Refusal);
    }

    [Fact]
    public void Without_a_saved_score_the_refusal_says_the_criterion_still_has_none() =>
        Assert.Equal("Tiêu chí 1.2: “abc” không phải là số; tiêu chí này vẫn chưa có điểm.", ScoreInput.Read(HalfPoints, "abc", null).Refusal);

    [Fact]
    public void A_long_text_is_quoted_shortened() =>
        Assert.Equal("Tiêu chí 1.2: “Điểm của hộ này là m…” không phải là số; tiêu chí này vẫn chưa có điểm.",
            ScoreInput.Read(HalfPoints, "Điểm của hộ này là mười điểm", null).Refusal);

    [Fact]
    public void A_criterion_without_a_step_takes_any_tenth()
    {
        var anyTenth = HalfPoints with { Step = null };
        Assert.Equal(33, ScoreInput.Read(anyTenth, "3.3", null).Tenths);
        Assert.Equal("Tiêu chí 1.2: điểm 3,35 không đúng bước 0,1 (chọn 3,3 hoặc 3,4); tiêu chí này vẫn chưa có điểm.",
            ScoreInput.Read(anyTenth, "3,35", null).Refusal);
    }

    [Fact]
    public void The_hint_names_the_range_and_step_in_Vietnamese_notation()
    {
        Assert.Equal("0–10, bước 0,5", ScoreInput.Hint(HalfPoints));
        Assert.Equal("0–10, bước 0,1", ScoreInput.Hint(HalfPoints with { Step = null }));
        Assert.Equal("0 hoặc 10", ScoreInput.Hint(HalfPoints with { Step = Points.Whole(10) }));
        Assert.Equal("0–2,5, bước 0,5", ScoreInput.Hint(HalfPoints with { Max = Points.FromTenths(25) }));
    }
}
