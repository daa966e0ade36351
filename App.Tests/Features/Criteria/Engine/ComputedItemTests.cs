using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class ComputedItemTests
{
    private const string Key = "clan.member_households_gdht_rate";

    /// <summary>2.1: 30 points from 70 %, 15 from 50 %, met from 70 %. 2.2: 10 points, met only from 80 %, no bands.</summary>
    private static readonly CriteriaSetDefinition Set = PointsSet(Threshold(10),
        Group("1", 10, null, Scored("1.1", 10)),
        Group("2", 40, null, Rate("2.1", 30, Key, 70, (70, 30), (50, 15)), Rate("2.2", 10, "village.households_gdht_rate", 80)));

    private static Answers WithRate(decimal percent) =>
        Answers.Empty.WithScore("1.1", 10).WithInput(Key, percent).WithInput("village.households_gdht_rate", 100);

    [Theory]
    [InlineData(100, 30, true)]
    [InlineData(70, 30, true)]
    [InlineData(69.9, 15, false)]
    [InlineData(50, 15, false)]
    [InlineData(49.9, 0, false)]
    [InlineData(0, 0, false)]
    public void A_rate_earns_the_points_of_the_best_band_it_reaches(decimal percent, decimal points, bool met)
    {
        var item = WithRate(percent).Evaluate(Set).Items.Single(i => i.Code == "2.1");

        Assert.Equal(P(points), item.Points);
        Assert.Equal(met, item.Met);
        Assert.True(item.Answered);
    }

    [Theory]
    [InlineData(80, 10, true)]
    [InlineData(79.9, 0, false)]
    public void Without_bands_a_rate_earns_the_maximum_when_met_and_nothing_otherwise(decimal percent, decimal points, bool met)
    {
        var result = WithRate(100).WithInput("village.households_gdht_rate", percent).Evaluate(Set);

        var item = result.Items.Single(i => i.Code == "2.2");
        Assert.Equal((P(points), met), (item.Points, item.Met));
    }

    [Theory]
    [InlineData(70, true)]
    [InlineData(69.9, false)]
    public void A_computed_hard_condition_at_70_percent_is_met_and_at_69_9_is_not(decimal percent, bool recognised)
    {
        var set = PointsSet(Threshold(0), Group("1", 30, null, Rate("2.1", 30, Key, 70, (70, 30), (50, 15)).Hard()));

        var result = Answers.Empty.WithInput(Key, percent).Evaluate(set);

        Assert.Equal(recognised, result.Recognised);
        Assert.Equal(recognised ? [] : ["Tiêu chí 2.1 là điều kiện bắt buộc nhưng chưa đạt"], result.Reasons);
    }

    [Fact]
    public void Without_a_threshold_met_means_full_points()
    {
        var set = PointsSet(Threshold(0), Group("1", 10, null, Rate("1.1", 10, Key, null, (90, 10), (60, 5))));

        Assert.True(Answers.Empty.WithInput(Key, 90).Evaluate(set).Items[0].Met);
        Assert.False(Answers.Empty.WithInput(Key, 89.9m).Evaluate(set).Items[0].Met);
    }

    [Theory]
    [InlineData(72.5, "Tỷ lệ hộ thành viên đạt GĐHT: 72,50 %")]
    [InlineData(70, "Tỷ lệ hộ thành viên đạt GĐHT: 70,00 %")]
    [InlineData(69.99, "Tỷ lệ hộ thành viên đạt GĐHT: 69,99 %")]
    [InlineData(66.666, "Tỷ lệ hộ thành viên đạt GĐHT: 66,67 %")]
    public void The_source_of_a_computed_item_names_the_figure_in_Vietnamese(decimal percent, string source)
    {
        var item = WithRate(percent).Evaluate(Set).Items.Single(i => i.Code == "2.1");

        Assert.Equal(source, item.Source);
    }

    [Fact]
    public void The_source_shows_the_counts_when_the_app_gives_them()
    {
        var answers = WithRate(0).WithInput(Key, ComputedInput.FromCounts(29, 40));

        var item = answers.Evaluate(Set).Items.Single(i => i.Code == "2.1");

        Assert.Equal("Tỷ lệ hộ thành viên đạt GĐHT: 72,50 % (29/40)", item.Source);
        Assert.Equal(P(30), item.Points);
    }

    [Theory]
    [InlineData(7, 10, 70, true)]
    [InlineData(2, 3, 66.66, false)]
    [InlineData(699, 1000, 69.9, false)]
    public void Rates_from_counts_are_exact_decimals(int count, int outOf, decimal atLeast, bool met)
    {
        var input = ComputedInput.FromCounts(count, outOf);

        Assert.True(input.Percent >= atLeast);
        Assert.Equal(met, WithRate(0).WithInput(Key, input).Evaluate(Set).Items.Single(i => i.Code == "2.1").Met);
    }

    [Fact]
    public void Rates_from_counts_need_a_positive_denominator()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComputedInput.FromCounts(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComputedInput.FromCounts(-1, 3));
    }

    [Fact]
    public void A_missing_figure_makes_the_result_incomplete()
    {
        var result = Answers.Empty.WithScore("1.1", 10).WithInput("village.households_gdht_rate", 100).Evaluate(Set);

        Assert.False(result.IsComplete);
        Assert.Equal(["Chưa có số liệu \"Tỷ lệ hộ thành viên đạt GĐHT\" cho tiêu chí 2.1"], result.Reasons);
        Assert.Equal(P(0), result.Items.Single(i => i.Code == "2.1").Points);
    }

    [Theory]
    [InlineData(100.1)]
    [InlineData(-1)]
    public void A_rate_outside_0_to_100_percent_is_an_error(decimal percent)
    {
        var result = WithRate(percent).Evaluate(Set);

        Assert.Equal(["Tiêu chí 2.1: Tỷ lệ hộ thành viên đạt GĐHT phải trong khoảng 0–100 %"], result.Errors);
        Assert.Equal(P(0), result.Items.Single(i => i.Code == "2.1").Points);
    }

    [Fact]
    public void A_typed_answer_for_a_computed_item_is_an_error_and_the_figure_still_counts()
    {
        var result = WithRate(80).WithScore("2.1", 5).Evaluate(Set);

        Assert.Equal(["Tiêu chí 2.1 được tính từ số liệu, không nhập tay"], result.Errors);
        Assert.Equal(P(30), result.Items.Single(i => i.Code == "2.1").Points);
    }

    [Fact]
    public void Figures_the_set_does_not_use_are_ignored()
    {
        var result = WithRate(80).WithInput("commune.units_dvht_rate", 12).Evaluate(Set);

        Assert.Empty(result.Errors);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void An_unknown_figure_key_is_shown_by_its_key()
    {
        var set = PointsSet(Threshold(0), Group("1", 10, null, Rate("1.1", 10, "x.custom_rate", 50)));

        var item = Answers.Empty.WithInput("x.custom_rate", 50).Evaluate(set).Items[0];

        Assert.Equal("x.custom_rate: 50,00 %", item.Source);
    }

    [Fact]
    public void A_computed_item_without_a_rule_is_an_error()
    {
        var set = PointsSet(Threshold(0), Group("1", 10, null, Rate("1.1", 10, Key, 50) with { Computed = null }));

        var result = Answers.Empty.Evaluate(set);

        Assert.Equal(["Tiêu chí 1.1 chưa có quy tắc tính"], result.Errors);
    }

    [Fact]
    public void Every_known_figure_has_a_unique_key_and_a_Vietnamese_label()
    {
        Assert.Equal(ComputedInputKeys.All.Count, ComputedInputKeys.All.Select(k => k.Key).Distinct().Count());
        Assert.All(ComputedInputKeys.All, k => Assert.StartsWith("Tỷ lệ", k.Label));
        Assert.Equal("Tỷ lệ thành viên của đơn vị đạt CDHT", ComputedInputKeys.LabelOf("unit.staff_cdht_rate"));
        Assert.Null(ComputedInputKeys.Find("nope"));
    }
}
