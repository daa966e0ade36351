using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Cộng đồng học tập cấp thôn (editable defaults): three rates computed by the app, pass at 80.</summary>
public class VillageCommunitySetTests
{
    private static readonly CriteriaSetDefinition Set = ShippedCriteriaSets.VillageCommunity;

    private static Answers Village(decimal households = 100, decimal clans = 100, decimal adults = 100) =>
        TestAnswers.Full(Set)
            .WithInput(ComputedInputKeys.VillageHouseholdsFamilyLearningRate.Key, households)
            .WithInput(ComputedInputKeys.VillageClansClanLearningRate.Key, clans)
            .WithInput(ComputedInputKeys.VillageAdultsLearningCentreRate.Key, adults);

    [Theory]
    [InlineData("1.1", 70, 20)]
    [InlineData("1.1", 69.9, 10)]
    [InlineData("1.1", 50, 10)]
    [InlineData("1.1", 49.9, 0)]
    [InlineData("1.2", 65, 15)]
    [InlineData("1.2", 64.9, 7.5)]
    [InlineData("1.2", 40, 7.5)]
    [InlineData("1.2", 39.9, 0)]
    [InlineData("1.3", 50, 15)]
    [InlineData("1.3", 49.9, 7.5)]
    [InlineData("1.3", 30, 7.5)]
    [InlineData("1.3", 29.9, 0)]
    public void Each_rate_earns_full_points_at_its_threshold_and_half_above_its_floor(string code, decimal rate, decimal points)
    {
        var answers = code switch
        {
            "1.1" => Village(households: rate),
            "1.2" => Village(clans: rate),
            _ => Village(adults: rate),
        };

        var item = answers.Evaluate(Set).Items.Single(i => i.Code == code);

        Assert.Equal(P(points), item.Points);
        Assert.Equal(points == item.Max.Value, item.Met);
    }

    [Theory]
    [InlineData(5, 80, true)]
    [InlineData(4, 79, false)]
    public void A_village_is_recognised_from_80_points(decimal fund, decimal total, bool recognised)
    {
        var result = Village(households: 60).WithScore("2.2", fund).Evaluate(Set);

        Assert.Equal(P(total), result.Total);
        Assert.Equal(recognised, result.Recognised);
    }

    [Fact]
    public void Group_1_at_exactly_half_passes_its_minimum_and_one_rate_lower_fails_it()
    {
        var atHalf = Village(households: 50, clans: 40, adults: 30).Evaluate(Set);
        var below = Village(households: 50, clans: 40, adults: 29.9m).Evaluate(Set);

        Assert.False(atHalf.Groups[0].BelowMinimum);
        Assert.Equal(P(25), atHalf.Groups[0].Points);
        Assert.Contains("Nhóm 1 đạt 17,5/50, dưới mức tối thiểu 25", below.Reasons);
    }

    [Fact]
    public void Every_figure_the_village_needs_is_listed_when_missing()
    {
        var result = Answers.Empty.WithMet("2.1", true).WithScore("2.2", 15).WithMet("3.1", true).Evaluate(Set);

        Assert.Equal(
            [
                "Chưa có số liệu \"Tỷ lệ hộ gia đình trong thôn đạt GĐHT\" cho tiêu chí 1.1",
                "Chưa có số liệu \"Tỷ lệ dòng họ trong thôn đạt DHHT\" cho tiêu chí 1.2",
                "Chưa có số liệu \"Tỷ lệ người lớn tham gia hoạt động của TTHTCĐ\" cho tiêu chí 1.3",
            ],
            result.Reasons.Take(3));
    }

    [Fact]
    public void The_gap_suggests_improving_the_households_rate_first()
    {
        var result = Village(households: 60, clans: 50).Evaluate(Set);

        Assert.Equal(P(82.5m), result.Total);
        Assert.True(result.Recognised);
        Assert.Null(result.Gap);

        var low = Village(households: 60, clans: 50).WithScore("2.2", 0).Evaluate(Set);
        Assert.Equal("Còn thiếu 12,5 điểm để đạt ngưỡng công nhận 80: có thể cải thiện tiêu chí 2.2", low.Gap!.Text);
    }
}
