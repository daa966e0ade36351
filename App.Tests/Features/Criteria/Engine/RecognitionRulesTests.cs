using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Threshold, group minimums, hard conditions and rating bands, on <see cref="TestSets.Small"/>.</summary>
public class RecognitionRulesTests
{
    private static readonly CriteriaSetDefinition Set = Small();

    [Theory]
    [InlineData(10, 10, true)]
    [InlineData(10, 0, true)]
    [InlineData(9.5, 10, true)]
    [InlineData(9.5, 0, false)]
    [InlineData(0, 10, true)]
    public void Recognised_exactly_from_the_threshold(decimal item11, decimal item21, bool recognised)
    {
        // 1.2 is met (10 points): totals 30, 20, 29,5, 19,5 and 20 against a threshold of 20.
        var result = TestAnswers.Full(Set).Scores(("1.1", item11), ("2.1", item21)).Evaluate(Set);

        Assert.Equal(recognised, result.Recognised);
    }

    [Fact]
    public void Below_the_threshold_the_reason_states_total_max_and_threshold()
    {
        var result = TestAnswers.Full(Set).Scores(("1.1", 9.5m), ("2.1", 0)).Evaluate(Set);

        Assert.Equal(["Tổng điểm 19,5/30, dưới ngưỡng công nhận 20"], result.Reasons);
    }

    [Fact]
    public void A_hard_condition_not_met_blocks_recognition_whatever_the_total()
    {
        var set = Small(Threshold(15));

        var result = TestAnswers.Full(set).WithMet("1.2", false).Evaluate(set);

        Assert.Equal(P(20), result.Total);
        Assert.False(result.Recognised);
        Assert.Equal(["Tiêu chí 1.2 là điều kiện bắt buộc nhưng chưa đạt"], result.Reasons);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(9.5, false)]
    [InlineData(0, false)]
    public void A_points_item_as_hard_condition_is_met_only_at_full_points(decimal score, bool recognised)
    {
        var set = PointsSet(Threshold(5), Group("1", 20, null, Scored("1.1", 10).Hard(), Scored("1.2", 10)));

        var result = Answers.Empty.Scores(("1.1", score), ("1.2", 10)).Evaluate(set);

        Assert.Equal(recognised, result.Recognised);
        Assert.Equal(recognised ? [] : ["Tiêu chí 1.1 là điều kiện bắt buộc nhưng chưa đạt"], result.Reasons);
    }

    [Fact]
    public void An_unanswered_hard_condition_is_reported_as_missing_not_as_failed()
    {
        var result = TestAnswers.Full(Set).Without("1.2").Evaluate(Set);

        Assert.Equal(["Chưa đánh giá tiêu chí 1.2"], result.Reasons);
    }

    [Fact]
    public void Hard_conditions_can_be_switched_off_by_the_set()
    {
        var set = Small(Threshold(15) with { EnforceHardConditions = false });

        var result = TestAnswers.Full(set).WithMet("1.2", false).Evaluate(set);

        Assert.True(result.Recognised);
    }

    [Theory]
    [InlineData(10, true, false)]
    [InlineData(0, true, false)]
    [InlineData(9.5, false, true)]
    [InlineData(5, false, true)]
    public void A_group_exactly_at_its_minimum_passes_and_half_a_point_below_fails(decimal item11, bool met12, bool below)
    {
        // Group 1 has minimum 10: 1.1 + 1.2 (10 when met). Hard conditions off to isolate the minimum.
        var set = Small(Threshold(0) with { EnforceHardConditions = false });

        var result = TestAnswers.Full(set).Scores(("1.1", item11)).WithMet("1.2", met12).Evaluate(set);

        Assert.Equal(below, result.Groups[0].BelowMinimum);
        Assert.Equal(!below, result.Recognised);
    }

    [Fact]
    public void Below_a_group_minimum_the_reason_states_points_max_and_minimum()
    {
        var set = Small(Threshold(0) with { EnforceHardConditions = false });

        var result = TestAnswers.Full(set).Scores(("1.1", 8)).WithMet("1.2", false).Evaluate(set);

        Assert.Equal(["Nhóm 1 đạt 8/20, dưới mức tối thiểu 10"], result.Reasons);
    }

    [Fact]
    public void Group_minimums_can_be_switched_off_by_the_set()
    {
        var set = Small(Threshold(0) with { EnforceHardConditions = false, EnforceGroupMinimums = false });

        var result = TestAnswers.Full(set).Scores(("1.1", 0)).WithMet("1.2", false).Evaluate(set);

        Assert.True(result.Groups[0].BelowMinimum);
        Assert.True(result.Recognised);
    }

    [Fact]
    public void Every_failed_rule_is_listed_missing_first_then_hard_conditions_minimums_and_total()
    {
        var result = Answers.Empty.Scores(("1.1", 0)).WithMet("1.2", false).Evaluate(Set);

        Assert.Equal(
            [
                "Chưa chấm tiêu chí 2.1",
                "Tiêu chí 1.2 là điều kiện bắt buộc nhưng chưa đạt",
                "Nhóm 1 đạt 0/20, dưới mức tối thiểu 10",
                "Tổng điểm 0/30, dưới ngưỡng công nhận 20",
            ],
            result.Reasons);
    }

    public static TheoryData<decimal, string> BandCases => new()
    {
        { 30, "Tốt" }, { 25, "Tốt" }, { 24.5m, "Khá" }, { 20, "Khá" }, { 19.5m, "Trung bình" }, { 10, "Trung bình" },
        { 9.5m, "Không đạt" }, { 0, "Không đạt" },
    };

    [Theory]
    [MemberData(nameof(BandCases))]
    public void The_rating_is_the_highest_band_the_total_reaches(decimal total, string rating)
    {
        var set = PointsSet(Bands(("Tốt", 25), ("Khá", 20), ("Trung bình", 10), ("Không đạt", 0)),
            Group("1", 30, null, Scored("1.1", 30)));

        var result = Answers.Empty.WithScore("1.1", total).Evaluate(set);

        Assert.Equal(rating, result.Rating);
        Assert.Equal(rating != "Không đạt", result.Recognised);
    }

    [Fact]
    public void A_band_that_does_not_recognise_gives_the_rating_as_the_reason()
    {
        var set = PointsSet(Bands(("Đạt", 10), ("Không đạt", 0)), Group("1", 30, null, Scored("1.1", 30)));

        var result = Answers.Empty.WithScore("1.1", 9.5m).Evaluate(set);

        Assert.Equal(["Tổng điểm 9,5/30, xếp loại Không đạt"], result.Reasons);
        Assert.Equal("Tổng điểm 9,5/30 – Không đạt – Chưa đạt tiêu chí", result.Summary);
    }

    [Fact]
    public void Below_every_band_there_is_no_rating_and_no_recognition()
    {
        var set = PointsSet(Bands(("Tốt", 25), ("Khá", 20)), Group("1", 30, null, Scored("1.1", 30)));

        var result = Answers.Empty.WithScore("1.1", 19.5m).Evaluate(set);

        Assert.Null(result.Rating);
        Assert.False(result.Recognised);
        Assert.Equal(["Tổng điểm 19,5/30, chưa đạt mức xếp loại nào"], result.Reasons);
    }

    [Fact]
    public void Threshold_and_bands_both_apply()
    {
        var rules = Bands(("Tốt", 25), ("Khá", 15), ("Không đạt", 0)) with { TotalThreshold = P(20) };
        var set = PointsSet(rules, Group("1", 30, null, Scored("1.1", 30)));

        var result = Answers.Empty.WithScore("1.1", 17).Evaluate(set);

        Assert.Equal("Khá", result.Rating);
        Assert.False(result.Recognised);
        Assert.Equal(["Tổng điểm 17/30, dưới ngưỡng công nhận 20"], result.Reasons);
    }

    [Fact]
    public void Bands_are_read_highest_first_even_if_stored_in_another_order()
    {
        var set = PointsSet(Bands(("Khá", 20), ("Tốt", 25)), Group("1", 30, null, Scored("1.1", 30)));

        Assert.Equal("Tốt", Answers.Empty.WithScore("1.1", 26).Evaluate(set).Rating);
    }
}
