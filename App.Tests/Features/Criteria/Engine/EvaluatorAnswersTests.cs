using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Totals, per-group and per-item results, missing answers and invalid input, on <see cref="TestSets.Small"/>.</summary>
public class EvaluatorAnswersTests
{
    private static readonly CriteriaSetDefinition Set = Small();

    [Fact]
    public void Full_answers_give_the_maximum_and_recognition()
    {
        var result = TestAnswers.Full(Set).Evaluate(Set);

        Assert.Equal(P(30), result.Total);
        Assert.Equal(P(30), result.MaxPossible);
        Assert.True(result.Recognised);
        Assert.True(result.IsComplete);
        Assert.Empty(result.Reasons);
        Assert.Empty(result.Errors);
        Assert.Equal("Tổng điểm 30/30 – Đạt tiêu chí", result.Summary);
    }

    [Theory]
    [InlineData(10, true, 10, 30)]
    [InlineData(9.5, true, 10, 29.5)]
    [InlineData(0, true, 0, 10)]
    [InlineData(7.5, false, 3, 10.5)]
    [InlineData(0.5, false, 0, 0.5)]
    public void Total_is_the_sum_of_the_items(decimal item11, bool met12, decimal item21, decimal total)
    {
        var result = Answers.Empty.Scores(("1.1", item11), ("2.1", item21)).WithMet("1.2", met12).Evaluate(Set);

        Assert.Equal(P(total), result.Total);
        Assert.Equal(result.Total, result.Groups.Sum(g => g.Points));
    }

    [Fact]
    public void Group_results_carry_points_max_minimum_and_counts()
    {
        var result = Answers.Empty.Scores(("1.1", 6.5m), ("2.1", 10)).WithMet("1.2", false).Evaluate(Set);

        Assert.Equal(
            [
                new GroupResult("1", "Nhóm 1", P(6.5m), P(20), P(10), true, 0, 2),
                new GroupResult("2", "Nhóm 2", P(10), P(10), null, false, 1, 1),
            ],
            result.Groups);
    }

    [Fact]
    public void Item_results_say_what_was_awarded_and_whether_met()
    {
        var result = Answers.Empty.Scores(("1.1", 10), ("2.1", 4)).WithMet("1.2", true).Evaluate(Set);

        var item11 = result.Items.Single(i => i.Code == "1.1");
        Assert.Equal((P(10), P(10), true, true, "1"), (item11.Points, item11.Max, item11.Met, item11.Answered, item11.GroupCode));
        var item12 = result.Items.Single(i => i.Code == "1.2");
        Assert.Equal((P(10), true, true, ItemKind.MetNotMet), (item12.Points, item12.Met, item12.IsHardCondition, item12.Kind));
        var item21 = result.Items.Single(i => i.Code == "2.1");
        Assert.Equal((P(4), false, P(6)), (item21.Points, item21.Met, item21.Headroom));
        Assert.Equal(["1.1", "1.2", "2.1"], result.Items.Select(i => i.Code));
    }

    [Fact]
    public void Missing_answers_count_as_zero_are_reported_and_make_the_result_incomplete()
    {
        var result = Answers.Empty.Scores(("1.1", 10), ("2.1", 10)).Evaluate(Set);

        Assert.False(result.IsComplete);
        Assert.False(result.Recognised);
        Assert.Equal(P(20), result.Total);
        Assert.Contains("Chưa đánh giá tiêu chí 1.2", result.Reasons);
        Assert.False(result.Items.Single(i => i.Code == "1.2").Answered);
        Assert.Equal("Tổng điểm 20/30 – Chưa chấm xong", result.Summary);
    }

    [Fact]
    public void A_missing_points_item_is_reported_as_not_scored()
    {
        var result = TestAnswers.Full(Set).Without("2.1").Evaluate(Set);

        Assert.Equal(["Chưa chấm tiêu chí 2.1"], result.Reasons);
        Assert.False(result.IsComplete);
        Assert.False(result.Recognised);
    }

    [Fact]
    public void No_answers_at_all_lists_every_item_as_missing()
    {
        var result = Answers.Empty.Evaluate(Set);

        Assert.Equal(P(0), result.Total);
        Assert.Equal(
            ["Chưa chấm tiêu chí 1.1", "Chưa đánh giá tiêu chí 1.2", "Chưa chấm tiêu chí 2.1"],
            result.Reasons.Take(3));
    }

    [Theory]
    [InlineData("1.1", "10,5", "Tiêu chí 1.1: điểm 10,5 vượt quá điểm tối đa 10")]
    [InlineData("1.1", "11", "Tiêu chí 1.1: điểm 11 vượt quá điểm tối đa 10")]
    [InlineData("1.1", "-0,5", "Tiêu chí 1.1: điểm -0,5 không được âm")]
    [InlineData("1.1", "7,3", "Tiêu chí 1.1: điểm phải là bội số của 0,5")]
    [InlineData("2.1", "7,5", "Tiêu chí 2.1: điểm phải là bội số của 1")]
    public void An_invalid_score_is_an_error_and_counts_as_zero(string code, string score, string error)
    {
        var result = TestAnswers.Full(Set).WithScore(code, Points.Parse(score)).Evaluate(Set);

        Assert.Equal([error], result.Errors);
        Assert.True(result.HasErrors);
        Assert.Equal(P(20), result.Total);
        Assert.False(result.Recognised);
        Assert.Contains("Dữ liệu chấm còn 1 lỗi cần sửa", result.Reasons);
        Assert.True(result.IsComplete);
    }

    [Theory]
    [InlineData("10", true)]
    [InlineData("9,5", true)]
    [InlineData("0", true)]
    [InlineData("0,5", true)]
    [InlineData("10,5", false)]
    [InlineData("9,9", false)]
    public void Scores_on_the_step_from_0_to_max_are_accepted(string score, bool accepted)
    {
        var result = TestAnswers.Full(Set).WithScore("1.1", Points.Parse(score)).Evaluate(Set);

        Assert.Equal(accepted, result.Errors.Count == 0);
    }

    [Fact]
    public void An_answer_for_an_unknown_item_is_an_error()
    {
        var result = TestAnswers.Full(Set).WithScore("9.9", 5).WithMet("0.1", true).Evaluate(Set);

        Assert.Equal(["Không có tiêu chí 0.1 trong bộ tiêu chí", "Không có tiêu chí 9.9 trong bộ tiêu chí"], result.Errors);
        Assert.Equal(P(30), result.Total);
        Assert.False(result.Recognised);
    }

    [Fact]
    public void A_judgement_on_a_points_item_is_an_error()
    {
        var result = TestAnswers.Full(Set).WithMet("1.1", true).Evaluate(Set);

        Assert.Equal(["Tiêu chí 1.1 được chấm điểm, không đánh giá đạt/chưa đạt"], result.Errors);
        Assert.Equal(P(20), result.Total);
    }

    [Fact]
    public void A_score_on_a_met_not_met_item_is_an_error()
    {
        var result = TestAnswers.Full(Set).WithScore("1.2", 10).Evaluate(Set);

        Assert.Equal(["Tiêu chí 1.2 được đánh giá đạt/chưa đạt, không chấm điểm"], result.Errors);
        Assert.Equal(P(20), result.Total);
    }

    [Fact]
    public void Every_error_is_reported_together()
    {
        var result = Answers.Empty.Scores(("1.1", 12), ("2.1", 0.5m), ("3.1", 1)).WithMet("1.2", true).Evaluate(Set);

        Assert.Equal(3, result.Errors.Count);
        Assert.Contains("Dữ liệu chấm còn 3 lỗi cần sửa", result.Reasons);
    }

    [Fact]
    public void An_item_without_a_step_accepts_any_tenth()
    {
        var set = PointsSet(Threshold(5), Group("1", 10, null, Scored("1.1", 10) with { Step = null }));

        var result = Answers.Empty.WithScore("1.1", 7.3m).Evaluate(set);

        Assert.Empty(result.Errors);
        Assert.Equal(P(7.3m), result.Total);
    }

    [Fact]
    public void Evaluation_is_pure_the_same_input_gives_an_equal_result()
    {
        var answers = Answers.Empty.Scores(("1.1", 3.5m)).WithMet("1.2", false);

        var first = answers.Evaluate(Set);
        var second = answers.Evaluate(Set);

        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.Items, second.Items);
        Assert.Equal(first.Groups, second.Groups);
        Assert.Equal(first.Reasons, second.Reasons);
        Assert.Equal(first.Gap!.Text, second.Gap!.Text);
    }
}
