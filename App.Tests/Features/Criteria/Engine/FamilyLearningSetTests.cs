using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Gia đình học tập, QĐ 448/QĐ-KHVN: 100 points in 30/30/20/20, pass at 80, each group at least half, 1.1 required.</summary>
public class FamilyLearningSetTests
{
    private static readonly CriteriaSetDefinition Set = ShippedCriteriaSets.FamilyLearningQd448;

    private static Answers Household(params (string Code, decimal Points)[] scores) => TestAnswers.Full(Set).Scores(scores);

    [Fact]
    public void Household_with_90_points_but_1_1_not_met_is_not_recognised()
    {
        var result = Household().WithMet("1.1", false).Evaluate(Set);

        Assert.Equal(P(90), result.Total);
        Assert.False(result.Recognised);
        Assert.Equal(["Tiêu chí 1.1 là điều kiện bắt buộc nhưng chưa đạt"], result.Reasons);
        Assert.Equal("Tổng điểm 90/100 – Chưa đạt tiêu chí", result.Summary);
    }

    [Fact]
    public void Household_with_full_marks_is_recognised()
    {
        var result = Household().Evaluate(Set);

        Assert.Equal((P(100), P(100), true), (result.Total, result.MaxPossible, result.Recognised));
        Assert.Null(result.Gap);
    }

    [Fact]
    public void Household_at_exactly_80_points_is_recognised()
    {
        var result = Household(("3.1", 0), ("3.2", 0), ("4.1", 0)).Evaluate(Set);

        Assert.Equal(P(80), result.Total);
        Assert.True(result.Recognised);
    }

    [Fact]
    public void Household_at_79_5_points_is_not_recognised_and_the_reason_gives_the_threshold()
    {
        var result = Household(("3.1", 0), ("3.2", 0), ("4.1", 0), ("2.3", 9.5m)).Evaluate(Set);

        Assert.Equal(P(79.5m), result.Total);
        Assert.False(result.Recognised);
        Assert.Equal(["Tổng điểm 79,5/100, dưới ngưỡng công nhận 80"], result.Reasons);
        Assert.Equal("Còn thiếu 0,5 điểm để đạt ngưỡng công nhận 80: có thể cải thiện tiêu chí 4.1", result.Gap!.Text);
    }

    public static TheoryData<string, (string, decimal)[], decimal, bool> GroupMinimumCases => new()
    {
        { "1", [("1.2", 5), ("1.3", 0)], 85, false },
        { "1", [("1.2", 4.5m), ("1.3", 0)], 84.5m, true },
        { "2", [("2.1", 5), ("2.2", 0)], 85, false },
        { "2", [("2.1", 4.5m), ("2.2", 0)], 84.5m, true },
        { "3", [("3.1", 0), ("3.2", 0)], 90, false },
        { "3", [("3.1", 0), ("3.2", 0), ("3.3", 4.5m)], 89.5m, true },
        { "4", [("4.1", 0)], 90, false },
        { "4", [("4.1", 0), ("4.2", 4.5m)], 89.5m, true },
    };

    [Theory]
    [MemberData(nameof(GroupMinimumCases))]
    public void Each_group_must_reach_half_its_points(string group, (string, decimal)[] scores, decimal total, bool below)
    {
        var result = Household(scores).Evaluate(Set);

        var groupResult = result.Groups.Single(g => g.Code == group);
        Assert.Equal(P(total), result.Total);
        Assert.Equal(below, groupResult.BelowMinimum);
        Assert.Equal(!below, result.Recognised);
        if (below)
        {
            Assert.Equal([$"Nhóm {group} đạt {groupResult.Points}/{groupResult.Max}, dưới mức tối thiểu {groupResult.Minimum}"],
                result.Reasons);
        }
    }

    [Fact]
    public void Household_with_group_3_at_8_of_20_is_told_the_minimum_is_10()
    {
        var result = Household(("3.1", 0), ("3.2", 0), ("3.3", 3)).Evaluate(Set);

        Assert.Contains("Nhóm 3 đạt 8/20, dưới mức tối thiểu 10", result.Reasons);
    }

    [Theory]
    [InlineData("1.2", "10,5", "Tiêu chí 1.2: điểm 10,5 vượt quá điểm tối đa 10")]
    [InlineData("1.2", "7,3", "Tiêu chí 1.2: điểm phải là bội số của 0,5")]
    [InlineData("3.1", "5,5", "Tiêu chí 3.1: điểm 5,5 vượt quá điểm tối đa 5")]
    [InlineData("4.1", "-1", "Tiêu chí 4.1: điểm -1 không được âm")]
    public void Scores_outside_the_item_rules_are_errors(string code, string score, string error)
    {
        var result = Household().WithScore(code, Points.Parse(score)).Evaluate(Set);

        Assert.Equal([error], result.Errors);
        Assert.False(result.Recognised);
    }

    [Fact]
    public void Item_1_1_is_judged_met_or_not_and_is_a_hard_condition()
    {
        var item = Set.Items.Single(i => i.Code == "1.1");

        Assert.Equal(ItemKind.MetNotMet, item.Kind);
        Assert.True(item.IsHardCondition);
        Assert.Single(Set.Items, i => i.IsHardCondition);
    }

    [Fact]
    public void The_set_has_four_groups_of_30_30_20_20_with_half_as_minimum()
    {
        Assert.Equal(
            [("1", P(30), P(15)), ("2", P(30), P(15)), ("3", P(20), P(10)), ("4", P(20), P(10))],
            Set.Groups.Select(g => (g.Code, g.Max, g.Minimum!.Value)));
        Assert.Equal(P(100), Set.Total);
        Assert.Equal(P(80), Set.Rules.TotalThreshold);
    }

    [Fact]
    public void Points_items_use_half_point_steps()
    {
        Assert.All(Set.Items.Where(i => i.Kind == ItemKind.Points), i => Assert.Equal(P(0.5m), i.Step));
        Assert.Equal(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3"],
            Set.Items.Select(i => i.Code));
    }
}
