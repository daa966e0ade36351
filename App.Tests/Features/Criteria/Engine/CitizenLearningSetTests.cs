using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Công dân học tập, QĐ 244/QĐ-KHVN: ten indicators of 10 points per target group, pass at 50.</summary>
public class CitizenLearningSetTests
{
    private static readonly CriteriaSetDefinition Set = ShippedCriteriaSets.CitizenLearningQd244;

    [Theory]
    [InlineData("1", new[] { "2.1a", "2.2a" })]
    [InlineData("2", new[] { "2.1b", "2.2a" })]
    [InlineData("3", new[] { "2.1b", "2.2b" })]
    [InlineData("4", new[] { "2.1a", "2.2a" })]
    public void Each_target_group_has_ten_indicators_and_100_points(string target, string[] variants)
    {
        var result = TestAnswers.Full(Set, target).Evaluate(Set);

        var applicable = result.Items.Where(i => i.Applicable).Select(i => i.Code).ToList();
        Assert.Equal(10, applicable.Count);
        Assert.All(variants, v => Assert.Contains(v, applicable));
        Assert.Equal(P(100), result.MaxPossible);
        Assert.Equal(P(100), result.Total);
        Assert.True(result.Recognised);
    }

    [Theory]
    [InlineData("1", 50, true)]
    [InlineData("1", 49, false)]
    [InlineData("3", 50, true)]
    [InlineData("3", 49, false)]
    [InlineData("2", 100, true)]
    [InlineData("4", 0, false)]
    public void A_citizen_passes_from_50_points(string target, decimal total, bool recognised)
    {
        var answers = Answers.Empty.ForTargetGroup(target);
        var remaining = total;
        foreach (var item in Set.Items.Where(i => i.AppliesTo(target)))
        {
            var score = Math.Min(remaining, 10);
            answers = answers.WithScore(item.Code, score);
            remaining -= score;
        }

        var result = answers.Evaluate(Set);

        Assert.Equal(P(total), result.Total);
        Assert.Equal(recognised, result.Recognised);
        Assert.Equal(recognised ? [] : [$"Tổng điểm {total}/100, dưới ngưỡng công nhận 50"], result.Reasons);
    }

    [Fact]
    public void A_farmer_is_not_scored_on_the_officials_foreign_language_indicator()
    {
        var result = TestAnswers.Full(Set, "1").WithScore("2.2b", 10).Evaluate(Set);

        var officialsOnly = result.Items.Single(i => i.Code == "2.2b");
        Assert.False(officialsOnly.Applicable);
        Assert.Equal(P(100), result.Total);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Without_a_target_group_the_citizen_cannot_be_decided()
    {
        var result = TestAnswers.Full(Set, "3").ForTargetGroup(null).Evaluate(Set);

        Assert.False(result.IsComplete);
        Assert.False(result.Recognised);
        Assert.Equal(["Chưa chọn nhóm đối tượng"], result.Reasons);
        Assert.Equal(P(80), result.MaxPossible);
    }

    [Fact]
    public void A_missing_indicator_of_the_own_target_group_is_reported()
    {
        var result = TestAnswers.Full(Set, "2").Without("2.1b").Evaluate(Set);

        Assert.Equal(["Chưa chấm tiêu chí 2.1b"], result.Reasons);
    }

    [Fact]
    public void The_gap_to_50_points_suggests_the_indicators_with_most_to_gain()
    {
        var answers = TestAnswers.Full(Set, "1").Scores(("1.1", 0), ("1.2", 0), ("1.3", 0), ("1.4", 0), ("2.3", 5), ("3.1", 0));

        var result = answers.Evaluate(Set);

        Assert.Equal(P(45), result.Total);
        Assert.Equal("Còn thiếu 5 điểm để đạt ngưỡng công nhận 50: có thể cải thiện tiêu chí 1.1", result.Gap!.Text);
    }

    [Fact]
    public void The_set_names_four_target_groups_and_three_competences()
    {
        Assert.Equal(["1", "2", "3", "4"], Set.TargetGroups.Select(t => t.Code));
        Assert.Equal([P(40), P(40), P(20)], Set.Groups.Select(g => g.Max));
        Assert.Equal(P(50), Set.Rules.TotalThreshold);
    }
}
