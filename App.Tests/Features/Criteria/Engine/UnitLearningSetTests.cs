using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>Đơn vị học tập: TT 22/2020 (points and bands) and TT 24/2023 (levels).</summary>
public class UnitLearningSetTests
{
    private static readonly CriteriaSetDefinition Tt22 = ShippedCriteriaSets.UnitLearningTt22;
    private static readonly CriteriaSetDefinition Tt24 = ShippedCriteriaSets.UnitLearningTt24;
    private static readonly string StaffRate = ComputedInputKeys.UnitStaffCitizenLearningRate.Key;

    [Theory]
    [InlineData(85, "Tốt")]
    [InlineData(84.5, "Khá")]
    [InlineData(50, "Trung bình")]
    [InlineData(49.5, "Không đạt")]
    public void Tt22_rates_85_as_Tot_84_5_as_Kha_50_as_Trung_binh_and_49_5_as_Khong_dat(decimal total, string rating)
    {
        var result = TestAnswers.WithTotal(Tt22, total).Evaluate(Tt22);

        Assert.Equal(P(total), result.Total);
        Assert.Equal(rating, result.Rating);
    }

    [Theory]
    [InlineData(100, "Tốt", true)]
    [InlineData(85, "Tốt", true)]
    [InlineData(84.5, "Khá", true)]
    [InlineData(70, "Khá", true)]
    [InlineData(69.5, "Trung bình", true)]
    [InlineData(50, "Trung bình", true)]
    [InlineData(49.5, "Không đạt", false)]
    [InlineData(0, "Không đạt", false)]
    public void Tt22_recognises_every_rating_but_Khong_dat(decimal total, string rating, bool recognised)
    {
        var result = TestAnswers.WithTotal(Tt22, total).Evaluate(Tt22);

        Assert.Equal((rating, recognised), (result.Rating, result.Recognised));
        Assert.Equal($"Tổng điểm {P(total)}/100 – {rating} – {(recognised ? "Đạt tiêu chí" : "Chưa đạt tiêu chí")}",
            result.Summary);
    }

    [Fact]
    public void Tt22_unit_at_49_5_is_told_its_rating()
    {
        var result = TestAnswers.WithTotal(Tt22, 49.5m).Evaluate(Tt22);

        Assert.Equal(["Tổng điểm 49,5/100, xếp loại Không đạt"], result.Reasons);
        Assert.Equal("Còn thiếu 0,5 điểm để đạt Trung bình: có thể cải thiện tiêu chí 3.1", result.Gap!.Text);
    }

    [Theory]
    [InlineData(84.5, "Tốt", 0.5, "3.2")]
    [InlineData(69.5, "Khá", 0.5, "3.1")]
    [InlineData(78, "Tốt", 7, "3.2")]
    public void Tt22_gap_names_the_next_band_the_points_and_the_item(decimal total, string target, decimal needed, string item)
    {
        var gap = TestAnswers.WithTotal(Tt22, total).Evaluate(Tt22).Gap!;

        var text = $"Còn thiếu {P(needed)} điểm để đạt {target}: có thể cải thiện tiêu chí {item}";
        Assert.Equal(new Gap(target, P(needed), [item], text), gap);
    }

    [Fact]
    public void Tt22_has_groups_of_30_30_40_and_the_four_official_bands()
    {
        Assert.Equal([P(30), P(30), P(40)], Tt22.Groups.Select(g => g.Max));
        Assert.Equal([P(10), P(10), P(10), P(10), P(5), P(10), P(5), P(25), P(10), P(5)], Tt22.Items.Select(i => i.Max));
        Assert.Equal(
            [new RatingBand("Tốt", P(85)), new("Khá", P(70)), new("Trung bình", P(50)), new("Không đạt", P(0), false)],
            Tt22.Rules.RatingBands);
        Assert.Null(Tt22.Rules.TotalThreshold);
    }

    [Fact]
    public void Tt24_unit_meeting_every_indicator_reaches_level_2()
    {
        var result = TestAnswers.Full(Tt24).Evaluate(Tt24);

        Assert.Equal(2, result.LevelReached);
        Assert.Equal("Mức độ 2", result.Rating);
        Assert.True(result.Recognised);
        Assert.Null(result.Gap);
    }

    [Theory]
    [InlineData(100, 2)]
    [InlineData(90, 2)]
    [InlineData(89.9, 1)]
    [InlineData(0, 1)]
    public void Tt24_level_2_needs_90_percent_of_members_holding_Cong_dan_hoc_tap(decimal rate, int level)
    {
        var result = TestAnswers.Full(Tt24).WithInput(StaffRate, rate).Evaluate(Tt24);

        Assert.Equal(level, result.LevelReached);
        Assert.True(result.Recognised);
    }

    [Fact]
    public void Tt24_unit_below_90_percent_is_told_which_indicator_blocks_level_2()
    {
        var result = TestAnswers.Full(Tt24).WithInput(StaffRate, ComputedInput.FromCounts(17, 20)).Evaluate(Tt24);

        Assert.Equal("Còn 1 tiêu chí chưa đạt để đạt mức độ 2: 3.3", result.Gap!.Text);
        Assert.Equal("Tỷ lệ thành viên của đơn vị đạt CDHT: 85,00 % (17/20)", result.Items.Single(i => i.Code == "3.3").Source);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    [InlineData("2.1")]
    [InlineData("3.1")]
    [InlineData("3.2")]
    public void Tt24_a_level_1_indicator_not_met_means_no_recognition(string code)
    {
        var result = TestAnswers.Full(Tt24).WithMet(code, false).Evaluate(Tt24);

        Assert.Equal(0, result.LevelReached);
        Assert.False(result.Recognised);
        Assert.Equal([$"Chưa đạt mức độ 1: tiêu chí {code} chưa đạt"], result.Reasons);
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("2.2")]
    public void Tt24_a_level_2_indicator_not_met_leaves_level_1(string code)
    {
        var result = TestAnswers.Full(Tt24).WithMet(code, false).Evaluate(Tt24);

        Assert.Equal(1, result.LevelReached);
        Assert.True(result.Recognised);
        Assert.Equal([code], result.Gap!.ItemCodes);
    }
}
