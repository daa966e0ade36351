using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Tests.Features.Awards;

// The hint rules as a table: runs of recognised years, the suggested form per round, and who is hinted at all.
public sealed class EligibilityTests
{
    [Theory]
    [InlineData(new int[0], 0, 0, 0)]
    [InlineData(new[] { 2024 }, 1, 2024, 2024)]
    [InlineData(new[] { 2023, 2024, 2025 }, 3, 2023, 2025)]
    [InlineData(new[] { 2023, 2025 }, 1, 2025, 2025)]
    [InlineData(new[] { 2025, 2023, 2024, 2024 }, 3, 2023, 2025)]
    [InlineData(new[] { 2023, 2024, 2026, 2027 }, 2, 2026, 2027)]
    [InlineData(new[] { 2023, 2024, 2025, 2027, 2028 }, 3, 2023, 2025)]
    public void The_longest_run_of_consecutive_years_is_found(int[] years, int length, int from, int to) =>
        Assert.Equal((length, from, to), Eligibility.LongestRun(years));

    [Theory]
    [InlineData(AwardRoundKind.Yearly, 2025, 2025, 1, 3, AwardForm.CommuneCertificate)]
    [InlineData(AwardRoundKind.MidTermReview, 2023, 2025, 2, 0, AwardForm.CommuneCertificate)]
    [InlineData(AwardRoundKind.MidTermReview, 2023, 2025, 3, 0, AwardForm.ProvinceCertificate)]
    [InlineData(AwardRoundKind.FinalReview, 2023, 2030, 3, 0, AwardForm.CommuneCertificate)]
    [InlineData(AwardRoundKind.FinalReview, 2023, 2030, 3, 1, AwardForm.ProvinceCertificate)]
    [InlineData(AwardRoundKind.FinalReview, 2023, 2030, 5, 1, AwardForm.PrimeMinisterCertificate)]
    [InlineData(AwardRoundKind.FinalReview, 2023, 2030, 8, 0, AwardForm.ProvinceCertificate)]
    public void The_suggested_form_climbs_the_usual_ladder(AwardRoundKind kind, int from, int to, int run, int initiatives, AwardForm expected) =>
        Assert.Equal(expected, Eligibility.Suggest(kind, from, to, run, initiatives));

    private static SubjectRecord Household(int[] years, params (int, string)[] initiatives) =>
        new(SubjectKind.Household, 7, "Lê Văn Thử", "Thôn Tân Hòa", Title.FamilyLearning, years, initiatives, []);

    [Fact]
    public void One_recognised_year_without_initiative_is_no_hint_at_a_review()
    {
        Assert.Null(Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2025])));
        Assert.Null(Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2023, 2025])));
    }

    [Fact]
    public void Years_outside_the_round_do_not_count()
    {
        Assert.Null(Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2021, 2022, 2023])));
        Assert.Null(Eligibility.Hint(AwardRoundKind.Yearly, 2026, 2026, Household([2024, 2025])));
    }

    [Fact]
    public void Two_years_in_a_row_give_a_hint_with_its_reason_and_achievements()
    {
        var hint = Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2024, 2025]));

        Assert.NotNull(hint);
        Assert.Equal(2, hint.Run);
        Assert.Equal(AwardForm.CommuneCertificate, hint.SuggestedForm);
        Assert.Equal("Gia đình học tập 2 năm liền (2024–2025)", hint.Reasons);
        Assert.Equal("Đạt danh hiệu “Gia đình học tập” 2 năm liền (2024–2025).", hint.Achievements);
    }

    [Fact]
    public void An_initiative_alone_gives_a_hint_and_weighs_in()
    {
        var withInitiative = Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2025], (2024, "Tủ sách gia đình")));
        var runOnly = Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2024, 2025]));
        var both = Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2024, 2025], (2024, "Tủ sách gia đình")));

        Assert.NotNull(withInitiative);
        Assert.Contains("có sáng kiến, mô hình “Tủ sách gia đình” được công nhận năm 2024", withInitiative.Achievements);
        Assert.Equal(1, withInitiative.Initiatives);
        Assert.True(both!.Weight > runOnly!.Weight);
    }

    [Fact]
    public void Every_year_of_phase_one_suggests_the_province_certificate()
    {
        var hint = Eligibility.Hint(AwardRoundKind.MidTermReview, 2023, 2025, Household([2023, 2024, 2025]));
        Assert.Equal(AwardForm.ProvinceCertificate, hint!.SuggestedForm);
        Assert.Equal("Gia đình học tập 3 năm liền (2023–2025)", hint.Reasons);
    }

    [Fact]
    public void A_yearly_round_hints_every_subject_recognised_that_year()
    {
        var hint = Eligibility.Hint(AwardRoundKind.Yearly, 2025, 2025, Household([2025]));
        Assert.Equal("Gia đình học tập năm 2025", hint!.Reasons);
    }
}
