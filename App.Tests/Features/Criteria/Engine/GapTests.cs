using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class GapTests
{
    /// <summary>Four items of 10, 5, 25 and 10 points; Tốt ≥ 40, Khá ≥ 30, Trung bình ≥ 20, else Không đạt.</summary>
    private static readonly CriteriaSetDefinition Set = PointsSet(
        Bands(("Tốt", 40), ("Khá", 30), ("Trung bình", 20), ("Không đạt", 0)),
        Group("1", 15, null, Scored("1.1", 10), Scored("1.2", 5)),
        Group("2", 35, null, Scored("2.1", 25), Scored("2.2", 10)));

    private static Answers Scores(decimal a, decimal b, decimal c, decimal d) =>
        Answers.Empty.Scores(("1.1", a), ("1.2", b), ("2.1", c), ("2.2", d));

    [Fact]
    public void The_gap_is_the_fewest_points_to_the_next_band_with_the_items_that_can_give_them()
    {
        // 25 points = Trung bình; 5 more reach Khá. Headroom: 1.1 → 5, 1.2 → 5, 2.1 → 10, 2.2 → 5.
        var gap = Scores(5, 0, 15, 5).Evaluate(Set).Gap!;

        Assert.Equal("Khá", gap.Target);
        Assert.Equal(P(5), gap.PointsNeeded);
        Assert.Equal(["2.1"], gap.ItemCodes);
        Assert.Equal("Còn thiếu 5 điểm để đạt Khá: có thể cải thiện tiêu chí 2.1", gap.Text);
    }

    [Fact]
    public void Items_are_suggested_largest_gain_first_until_the_gap_is_covered()
    {
        // 20 points; Khá needs 10 more. Headroom: 2.1 → 10 covers it alone.
        Assert.Equal(["2.1"], Scores(5, 0, 15, 0).Evaluate(Set).Gap!.ItemCodes);

        // 31 points; Tốt needs 9 more. Headroom 2.1 → 6, 2.2 → 6, 1.1 → 5, 1.2 → 2: the first two cover it.
        var gap = Scores(5, 3, 19, 4).Evaluate(Set).Gap!;
        Assert.Equal(P(9), gap.PointsNeeded);
        Assert.Equal(["2.1", "2.2"], gap.ItemCodes);
        Assert.Equal("Còn thiếu 9 điểm để đạt Tốt: có thể cải thiện tiêu chí 2.1, 2.2", gap.Text);
    }

    [Fact]
    public void Equal_gains_keep_the_order_of_the_set()
    {
        var gap = Scores(5, 0, 25, 5).Evaluate(Set).Gap!;

        Assert.Equal(P(5), gap.PointsNeeded);
        Assert.Equal(["1.1"], gap.ItemCodes);
    }

    [Theory]
    [InlineData(0, 0, 19.5, 0, "Trung bình", 0.5)]
    [InlineData(0, 0, 0, 0, "Trung bình", 20)]
    [InlineData(5, 5, 19.5, 0, "Khá", 0.5)]
    [InlineData(10, 5, 24.5, 0, "Tốt", 0.5)]
    public void Half_a_point_below_a_band_leaves_a_gap_of_half_a_point(
        decimal a, decimal b, decimal c, decimal d, string target, decimal needed)
    {
        var gap = Scores(a, b, c, d).Evaluate(Set).Gap!;

        Assert.Equal(target, gap.Target);
        Assert.Equal(P(needed), gap.PointsNeeded);
    }

    [Fact]
    public void At_the_top_band_there_is_no_gap()
    {
        Assert.Null(Scores(10, 5, 25, 0).Evaluate(Set).Gap);
    }

    [Fact]
    public void Without_bands_the_gap_leads_to_the_recognition_threshold()
    {
        var set = Set with { Rules = Threshold(30) };

        var gap = Scores(10, 5, 10, 3).Evaluate(set).Gap!;

        Assert.Equal("ngưỡng công nhận 30", gap.Target);
        Assert.Equal("Còn thiếu 2 điểm để đạt ngưỡng công nhận 30: có thể cải thiện tiêu chí 2.1", gap.Text);
    }

    [Fact]
    public void Once_recognised_without_bands_there_is_no_gap()
    {
        Assert.Null(Scores(10, 5, 15, 0).Evaluate(Set with { Rules = Threshold(30) }).Gap);
    }

    [Fact]
    public void A_threshold_below_the_next_band_comes_first()
    {
        var set = Set with { Rules = Set.Rules with { TotalThreshold = P(25) } };

        Assert.Equal("ngưỡng công nhận 25", Scores(0, 0, 21, 0).Evaluate(set).Gap!.Target);
    }

    [Fact]
    public void A_threshold_equal_to_a_band_is_named_by_the_band()
    {
        var set = Set with { Rules = Set.Rules with { TotalThreshold = P(20) } };

        Assert.Equal("Trung bình", Scores(0, 0, 10, 0).Evaluate(set).Gap!.Target);
    }

    [Fact]
    public void A_band_the_applicable_items_cannot_reach_is_skipped()
    {
        // Target group "B" cannot score 2.1 (25 points): the maximum is 25, so Khá (30) and Tốt (40) are out of reach.
        var set = Set with
        {
            TargetGroups = [new("A", "A"), new("B", "B")],
            Groups = [Set.Groups[0], Set.Groups[1] with { Items = [Scored("2.1", 25).For("A"), Scored("2.2", 10)] }],
        };

        var result = Answers.Empty.ForTargetGroup("B").Scores(("1.1", 10), ("1.2", 5), ("2.2", 6)).Evaluate(set);

        Assert.Equal(P(25), result.MaxPossible);
        Assert.Equal("Trung bình", result.Rating);
        Assert.Null(result.Gap);
    }

    [Fact]
    public void Missing_items_can_be_suggested_and_met_not_met_items_count_their_full_points()
    {
        var set = PointsSet(Threshold(15), Group("1", 20, null, Scored("1.1", 5), Judged("1.2", 15)));

        var gap = Answers.Empty.WithScore("1.1", 5).Evaluate(set).Gap!;

        Assert.Equal(P(10), gap.PointsNeeded);
        Assert.Equal(["1.2"], gap.ItemCodes);
    }

    [Fact]
    public void Computed_items_can_be_suggested_too()
    {
        var set = PointsSet(Threshold(25),
            Group("1", 30, null, Scored("1.1", 10), Rate("1.2", 20, "clan.member_households_gdht_rate", 70, (70, 20), (50, 10))));

        var gap = Answers.Empty.WithScore("1.1", 10).WithInput("clan.member_households_gdht_rate", 55).Evaluate(set).Gap!;

        Assert.Equal(P(5), gap.PointsNeeded);
        Assert.Equal(["1.2"], gap.ItemCodes);
    }
}
