using HocTapSuotDoi.Features.Criteria.Engine;
using static HocTapSuotDoi.Tests.Features.Criteria.Engine.TestSets;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

/// <summary>
/// Đơn vị học tập: QĐ 448/QĐ-KHVN part D (units run by the commune, the default), TT 22/2020 (points and bands) and
/// TT 24/2023 (levels), the last two for district and provincial units.
/// </summary>
public class UnitLearningSetTests
{
    private static readonly CriteriaSetDefinition Qd448 = ShippedCriteriaSets.UnitLearningQd448;
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
    [InlineData(100, 2, true)]
    [InlineData(90, 2, true)]
    [InlineData(89.9, 0, false)]
    [InlineData(0, 0, false)]
    public void Tt24_level_1_needs_90_percent_of_members_holding_Cong_dan_hoc_tap(decimal rate, int level, bool recognised)
    {
        var result = TestAnswers.Full(Tt24).WithInput(StaffRate, rate).Evaluate(Tt24);

        Assert.Equal((level, recognised), (result.LevelReached, result.Recognised));
    }

    [Fact]
    public void Tt24_the_Cong_dan_hoc_tap_rate_is_criterion_3_target_1_of_level_1()
    {
        var item = Assert.Single(Tt24.Items, i => i.Kind == ItemKind.Computed);

        Assert.Equal(("3.1", 1), (item.Code, item.Level));
        Assert.Equal(StaffRate, item.Computed!.InputKey);
        Assert.Equal(90, item.Computed.MetAtPercent);
        Assert.StartsWith("Chỉ tiêu 1: Từ 90 % thành viên", item.Text);
        Assert.Contains("QĐ 324/QĐ-KHVN", item.Text);
        Assert.False(item.Unchecked);
        Assert.StartsWith("Tiêu chí 3:", Tt24.Groups.Single(g => g.Items.Contains(item)).Name);
        Assert.Equal(["1.3", "2.2"], Tt24.Items.Where(i => i.Level == 2).Select(i => i.Code));
    }

    [Fact]
    public void Tt24_unit_below_90_percent_is_not_recognised_and_is_told_the_indicator()
    {
        var result = TestAnswers.Full(Tt24).WithInput(StaffRate, ComputedInput.FromCounts(17, 20)).Evaluate(Tt24);

        Assert.False(result.Recognised);
        Assert.Equal(["Chưa đạt mức độ 1: tiêu chí 3.1 chưa đạt"], result.Reasons);
        Assert.Equal("Còn 1 tiêu chí chưa đạt để đạt mức độ 1: 3.1", result.Gap!.Text);
        Assert.Equal("Tỷ lệ thành viên của đơn vị đạt CDHT: 85,00 % (17/20)", result.Items.Single(i => i.Code == "3.1").Source);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    [InlineData("2.1")]
    [InlineData("3.2")]
    [InlineData("3.3")]
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

    [Fact]
    public void Qd448_part_D_is_the_2015_association_set_for_units_run_by_the_commune()
    {
        Assert.Equal(Title.UnitLearning, Qd448.Title);
        Assert.Equal(new LegalBasis("448/QĐ-KHVN", "Hội Khuyến học Việt Nam", new DateOnly(2015, 12, 1)), Qd448.LegalBasis);
        Assert.Contains("phần D", Qd448.Name);
        Assert.Contains("thuộc xã quản lý", Qd448.Name);
        Assert.Equal(ScoringMode.Points, Qd448.Mode);
        Assert.Equal([P(30), P(40), P(30)], Qd448.Groups.Select(g => g.Max));
        Assert.Equal(P(100), Qd448.Total);
    }

    [Fact]
    public void Qd448_part_D_marks_every_item_not_yet_checked_and_has_no_Cong_dan_hoc_tap_rate()
    {
        Assert.All(Qd448.Items, i => Assert.True(i.Unchecked, i.Code));
        Assert.DoesNotContain(Qd448.Items, i => i.Kind == ItemKind.Computed);
        Assert.Contains("chưa đối chiếu", Qd448.Note);
    }

    [Theory]
    [InlineData(5, 10, 10, 10, 80, true)]
    [InlineData(5, 10, 10, 9.5, 79.5, false)]
    [InlineData(10, 15, 7, 7, 84, false)]
    public void Qd448_part_D_recognises_from_80_points_with_every_group_at_half(
        decimal s11, decimal s21, decimal s31, decimal s32, decimal total, bool recognised)
    {
        var result = TestAnswers.WithTotal(Qd448, 100).Scores(("1.1", s11), ("2.1", s21), ("3.1", s31), ("3.2", s32)).Evaluate(Qd448);

        Assert.Equal(P(total), result.Total);
        Assert.Equal(recognised, result.Recognised);
    }

    [Fact]
    public void Only_TT_24_carries_the_computed_rate_of_staff_holding_Cong_dan_hoc_tap()
    {
        var withRate = ShippedCriteriaSets.All.Where(s => s.Items.Any(i => i.Computed?.InputKey == StaffRate)).Select(s => s.Name);

        Assert.Equal([Tt24.Name], withRate);
    }

    [Fact]
    public void TT_22_and_TT_24_are_named_for_district_and_provincial_units()
    {
        Assert.All([Tt22, Tt24], s => Assert.Contains("cấp huyện, cấp tỉnh", s.Name));
        Assert.All([Tt22, Tt24], s => Assert.Contains("cấp huyện, cấp tỉnh", s.Note));
    }
}
