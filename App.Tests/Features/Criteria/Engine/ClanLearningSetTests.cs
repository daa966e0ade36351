using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Dòng họ học tập (editable defaults): ≥ 70 % of member households GĐHT is computed and required.</summary>
public class ClanLearningSetTests
{
    private static readonly CriteriaSetDefinition Set = ShippedCriteriaSets.ClanLearning;
    private static readonly string RateKey = ComputedInputKeys.ClanMemberHouseholdsFamilyLearningRate.Key;

    private static Answers Clan(decimal householdsRate) => TestAnswers.Full(Set).WithInput(RateKey, householdsRate);

    [Theory]
    [InlineData(100, 30, 100, true)]
    [InlineData(70, 30, 100, true)]
    [InlineData(69.9, 15, 85, false)]
    [InlineData(50, 15, 85, false)]
    [InlineData(49.9, 0, 70, false)]
    public void The_member_households_rate_gives_points_and_is_required_from_70_percent(
        decimal rate, decimal itemPoints, decimal total, bool recognised)
    {
        var result = Clan(rate).Evaluate(Set);

        Assert.Equal(P(itemPoints), result.Items.Single(i => i.Code == "2.1").Points);
        Assert.Equal(P(total), result.Total);
        Assert.Equal(recognised, result.Recognised);
    }

    [Fact]
    public void A_clan_at_69_9_percent_is_told_the_rate_and_the_failed_condition()
    {
        var result = Clan(69.9m).Evaluate(Set);

        Assert.Equal("Tỷ lệ hộ thành viên đạt GĐHT: 69,90 %", result.Items.Single(i => i.Code == "2.1").Source);
        Assert.Equal(["Tiêu chí 2.1 là điều kiện bắt buộc nhưng chưa đạt"], result.Reasons);
    }

    [Fact]
    public void The_rate_comes_from_the_apps_counts()
    {
        var result = TestAnswers.Full(Set).WithInput(RateKey, ComputedInput.FromCounts(28, 40)).Evaluate(Set);

        Assert.True(result.Recognised);
        Assert.Equal("Tỷ lệ hộ thành viên đạt GĐHT: 70,00 % (28/40)", result.Items.Single(i => i.Code == "2.1").Source);
    }

    [Fact]
    public void A_clan_with_a_convicted_member_is_not_recognised()
    {
        var result = Clan(100).WithMet("3.1", false).Evaluate(Set);

        Assert.Equal(P(90), result.Total);
        Assert.Equal(["Tiêu chí 3.1 là điều kiện bắt buộc nhưng chưa đạt"], result.Reasons);
    }

    [Theory]
    [InlineData(0, 80, true)]
    [InlineData(1, 79, false)]
    public void A_clan_is_recognised_from_80_points(decimal extraLoss, decimal total, bool recognised)
    {
        var result = Clan(100).Scores(("1.2", 0), ("2.2", 10 - extraLoss)).Evaluate(Set);

        Assert.Equal(P(total), result.Total);
        Assert.Equal(recognised, result.Recognised);
    }

    [Fact]
    public void Without_the_figure_the_clan_cannot_be_decided_yet()
    {
        var answers = Answers.Empty.Scores(("1.2", 10), ("2.2", 20), ("3.2", 20)).WithMet("1.1", true).WithMet("3.1", true);

        var missing = answers.Evaluate(Set);

        Assert.False(missing.IsComplete);
        Assert.False(missing.Recognised);
        Assert.Equal("Chưa có số liệu \"Tỷ lệ hộ thành viên đạt GĐHT\" cho tiêu chí 2.1", missing.Reasons[0]);
        Assert.Equal("Tổng điểm 70/100 – Chưa chấm xong", missing.Summary);
    }
}
