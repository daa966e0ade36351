using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class TargetGroupTests
{
    /// <summary>Item 1.2 applies only to target group "A"; 1.3 only to "B". Target group "C" gets neither.</summary>
    private static readonly CriteriaSetDefinition Set = PointsSet(Threshold(10),
        Group("1", 20, null, Scored("1.1", 10), Scored("1.2", 10).For("A"), Scored("1.3", 10).For("B"))) with
    {
        TargetGroups = [new("A", "Nhóm A"), new("B", "Nhóm B"), new("C", "Nhóm C")],
    };

    [Theory]
    [InlineData("A", 20)]
    [InlineData("B", 20)]
    [InlineData("C", 10)]
    public void An_item_that_does_not_apply_is_not_counted_in_the_maximum(string target, decimal max)
    {
        var result = TestAnswers.Full(Set, target).Evaluate(Set);

        Assert.Equal(P(max), result.MaxPossible);
        Assert.Equal(P(max), result.Total);
        Assert.Equal(P(max), result.Groups[0].Max);
        Assert.True(result.Recognised);
    }

    [Fact]
    public void An_item_that_does_not_apply_is_marked_and_scores_nothing()
    {
        var result = TestAnswers.Full(Set, "A").Evaluate(Set);

        var item = result.Items.Single(i => i.Code == "1.3");
        Assert.False(item.Applicable);
        Assert.Equal(P(0), item.Max);
        Assert.Equal(P(0), item.Points);
        Assert.Equal(P(0), item.Headroom);
        Assert.Equal(2, result.Groups[0].ApplicableCount);
    }

    [Fact]
    public void An_answer_for_an_item_of_another_target_group_is_ignored()
    {
        var result = TestAnswers.Full(Set, "A").WithScore("1.3", 10).Evaluate(Set);

        Assert.Equal(P(20), result.Total);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void An_item_that_does_not_apply_is_not_reported_missing()
    {
        var result = Answers.Empty.ForTargetGroup("A").Scores(("1.1", 5), ("1.2", 5)).Evaluate(Set);

        Assert.True(result.IsComplete);
        Assert.DoesNotContain(result.Reasons, r => r.Contains("1.3"));
    }

    [Fact]
    public void Without_a_target_group_only_the_common_items_apply_and_the_result_is_incomplete()
    {
        var result = Answers.Empty.Scores(("1.1", 10)).Evaluate(Set);

        Assert.False(result.IsComplete);
        Assert.False(result.Recognised);
        Assert.Equal(["Chưa chọn nhóm đối tượng"], result.Reasons);
        Assert.Equal(P(10), result.MaxPossible);
    }

    [Fact]
    public void An_unknown_target_group_is_an_error()
    {
        var result = Answers.Empty.ForTargetGroup("Z").Scores(("1.1", 10)).Evaluate(Set);

        Assert.Equal(["Không có nhóm đối tượng Z trong bộ tiêu chí"], result.Errors);
        Assert.False(result.Recognised);
    }

    [Fact]
    public void An_item_for_several_target_groups_applies_to_each_of_them()
    {
        var item = Scored("1.1", 10).For("A", "B");

        Assert.True(item.AppliesTo("A"));
        Assert.True(item.AppliesTo("B"));
        Assert.False(item.AppliesTo("C"));
        Assert.False(item.AppliesTo(null));
        Assert.True(Scored("1.2", 10).AppliesTo(null));
    }
}
