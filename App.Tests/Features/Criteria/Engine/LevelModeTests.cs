using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class LevelModeTests
{
    private const string Key = "commune.households_gdht_rate";

    /// <summary>Level 1: a, b; level 2: c and a rate ≥ 70 %; level 3: d.</summary>
    private static readonly CriteriaSetDefinition Set = LevelSet(
        Group("1", 0, null, Judged("a").AtLevel(1), Judged("b").AtLevel(1), Judged("c").AtLevel(2)),
        Group("2", 0, null, Rate("r", 0, Key, 70).AtLevel(2), Judged("d").AtLevel(3)));

    private static Answers Met(params string[] codes) =>
        new[] { "a", "b", "c", "d" }.Aggregate(Answers.Empty.WithInput(Key, 100), (a, c) => a.WithMet(c, codes.Contains(c)));

    [Theory]
    [InlineData(new[] { "a", "b", "c", "d" }, 3)]
    [InlineData(new[] { "a", "b", "c" }, 2)]
    [InlineData(new[] { "a", "b", "d" }, 1)]
    [InlineData(new[] { "a", "b" }, 1)]
    [InlineData(new[] { "a", "c", "d" }, 0)]
    [InlineData(new string[0], 0)]
    public void The_level_reached_needs_every_indicator_of_it_and_of_every_lower_level(string[] met, int level)
    {
        var result = Met(met).Evaluate(Set);

        Assert.Equal(level, result.LevelReached);
        Assert.Equal(level >= 1, result.Recognised);
        Assert.Equal(level > 0 ? $"Mức độ {level}" : "Chưa đạt mức độ 1", result.Rating);
    }

    [Theory]
    [InlineData(70, 3)]
    [InlineData(69.9, 1)]
    public void A_computed_indicator_at_70_percent_is_met_and_at_69_9_is_not(decimal percent, int level)
    {
        var result = Met("a", "b", "c", "d").WithInput(Key, percent).Evaluate(Set);

        Assert.Equal(level, result.LevelReached);
    }

    [Fact]
    public void Below_level_1_the_reason_lists_the_unmet_indicators()
    {
        var result = Met("a", "c").Evaluate(Set);

        Assert.False(result.Recognised);
        Assert.Equal(["Chưa đạt mức độ 1: tiêu chí b chưa đạt"], result.Reasons);
    }

    [Fact]
    public void A_set_may_require_a_higher_minimum_level()
    {
        var set = Set with { Rules = new() { MinimumLevel = 2 } };

        var result = Met("a", "b").WithInput(Key, 50).Evaluate(set);

        Assert.False(result.Recognised);
        Assert.Equal(1, result.LevelReached);
        Assert.Equal(["Chưa đạt mức độ 2: tiêu chí c, r chưa đạt"], result.Reasons);
    }

    [Fact]
    public void The_gap_lists_the_indicators_that_block_the_next_level()
    {
        var result = Met("a", "b").WithInput(Key, 50).Evaluate(Set);

        var gap = Assert.IsType<Gap>(result.Gap);
        Assert.Equal("Mức độ 2", gap.Target);
        Assert.Equal(["c", "r"], gap.ItemCodes);
        Assert.Equal("Còn 2 tiêu chí chưa đạt để đạt mức độ 2: c, r", gap.Text);
    }

    [Fact]
    public void At_level_0_the_gap_points_to_level_1()
    {
        var result = Met("c", "d").Evaluate(Set);

        Assert.Equal("Còn 2 tiêu chí chưa đạt để đạt mức độ 1: a, b", result.Gap!.Text);
    }

    [Fact]
    public void At_the_top_level_there_is_no_gap()
    {
        Assert.Null(Met("a", "b", "c", "d").Evaluate(Set).Gap);
    }

    [Fact]
    public void A_missing_judgement_is_not_met_and_makes_the_result_incomplete()
    {
        var result = Met("a", "b", "c", "d").Without("d").Evaluate(Set);

        Assert.Equal(2, result.LevelReached);
        Assert.False(result.IsComplete);
        Assert.False(result.Recognised);
        Assert.Equal(["Chưa đánh giá tiêu chí d"], result.Reasons);
        Assert.Equal("Mức độ 2 – Chưa chấm xong", result.Summary);
    }

    [Fact]
    public void The_summary_names_the_level_and_the_decision()
    {
        Assert.Equal("Mức độ 3 – Đạt tiêu chí", Met("a", "b", "c", "d").Evaluate(Set).Summary);
        Assert.Equal("Chưa đạt mức độ 1 – Chưa đạt tiêu chí", Met().Evaluate(Set).Summary);
    }

    [Fact]
    public void Groups_count_the_met_indicators()
    {
        var result = Met("a", "c").Evaluate(Set);

        Assert.Equal([(2, 3), (1, 2)], result.Groups.Select(g => (g.MetCount, g.ApplicableCount)));
    }

    [Fact]
    public void Only_indicators_for_the_subjects_target_group_decide_the_level()
    {
        var set = LevelSet(Group("1", 0, null, Judged("a").AtLevel(1), Judged("b").AtLevel(1).For("X"))) with
        {
            TargetGroups = [new("X", "Nhóm X"), new("Y", "Nhóm Y")],
        };

        Assert.Equal(1, Answers.Empty.ForTargetGroup("Y").WithMet("a", true).Evaluate(set).LevelReached);
        Assert.Equal(0, Answers.Empty.ForTargetGroup("X").WithMet("a", true).WithMet("b", false).Evaluate(set).LevelReached);
    }

    [Fact]
    public void A_hard_condition_blocks_recognition_in_level_mode_too()
    {
        var set = LevelSet(Group("1", 0, null, Judged("a").AtLevel(1), Judged("z").AtLevel(2).Hard()));

        var result = Answers.Empty.WithMet("a", true).WithMet("z", false).Evaluate(set);

        Assert.Equal(1, result.LevelReached);
        Assert.False(result.Recognised);
        Assert.Equal(["Tiêu chí z là điều kiện bắt buộc nhưng chưa đạt"], result.Reasons);
    }

    [Fact]
    public void Level_mode_reports_no_points_rating()
    {
        var result = Met("a", "b").Evaluate(Set);

        Assert.Equal(ScoringMode.Levels, result.Mode);
        Assert.Null(result.Gap!.PointsNeeded);
        Assert.Equal(P(0), result.Total);
    }
}
