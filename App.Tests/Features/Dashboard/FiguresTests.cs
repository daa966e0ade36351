using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Targets;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

public sealed class FiguresTests
{
    private static EffectiveTarget Target(int tenths) => new(TargetIndicator.FamilyLearningHouseholds, tenths, 2026, 2030, TargetLevel.National, "QĐ", true);

    [Theory]
    [InlineData(1000, 700, 700, TargetStatus.Met, 0)]
    [InlineData(1001, 701, 700, TargetStatus.Met, 0)]
    [InlineData(1001, 700, 700, TargetStatus.Near, 1)]
    [InlineData(100, 60, 700, TargetStatus.Near, 10)]
    [InlineData(100, 59, 700, TargetStatus.NotMet, 11)]
    [InlineData(500, 308, 700, TargetStatus.Near, 42)]
    [InlineData(1000, 558, 700, TargetStatus.NotMet, 142)]
    [InlineData(3, 1, 750, TargetStatus.NotMet, 2)]
    [InlineData(0, 0, 700, TargetStatus.NoSubjects, 0)]
    public void Traffic_light_and_gap_follow_the_target_on_all_subjects(int total, int recognised, int targetTenths, TargetStatus status, int gap)
    {
        Assert.Equal((status, gap), Figures.Assess(new SubjectCounts(total, total, total, recognised), Target(targetTenths)));
    }

    [Fact]
    public void Without_a_target_there_is_no_light()
    {
        Assert.Equal((TargetStatus.NoTarget, 0), Figures.Assess(new SubjectCounts(10, 5, 5, 5), null));
    }

    [Fact]
    public void Rates_of_subjects_are_the_shared_two_decimal_percentages()
    {
        Assert.Equal("66,67 %", VnPercent.Format(new SubjectCounts(9, 9, 9, 6).PercentOfAll));
        Assert.Equal("71,43 %", VnPercent.Format(new SubjectCounts(10, 7, 7, 5).PercentOfRegistered));
        Assert.Null(new SubjectCounts(10, 0, 0, 0).PercentOfRegistered);
    }

    [Theory]
    [InlineData(2003, 1402, 700, TargetStatus.Near, 1, "69,99 %")]   // 69,995…: rounds to 70,00 but one household is missing
    [InlineData(2003, 1403, 700, TargetStatus.Met, 0, "70,04 %")]
    [InlineData(9, 6, 600, TargetStatus.Met, 0, "66,67 %")]           // above its target: rounded as everywhere
    [InlineData(20000, 19999, 1000, TargetStatus.Near, 1, "99,99 %")] // 99,995 %: not "100,00 %" beside "còn thiếu 1"
    public void The_rate_beside_a_verdict_never_reads_as_reaching_a_target_the_verdict_says_is_missed(int total, int recognised, int targetTenths, TargetStatus status, int gap, string shown)
    {
        var counts = new SubjectCounts(total, total, total, recognised);
        Assert.Equal((status, gap), Figures.Assess(counts, Target(targetTenths)));
        Assert.Equal(shown, VnPercent.Format(counts.PercentAgainst(Target(targetTenths))));
        Assert.Equal(status == TargetStatus.Met, VnPercent.Reaches(recognised, total, targetTenths / 10m));
    }

    [Fact]
    public void The_gap_is_said_in_subjects()
    {
        var f = new TitleFigures(HocTapSuotDoi.Features.Criteria.Engine.Title.FamilyLearning, new SubjectCounts(500, 400, 400, 308), Target(700), TargetStatus.NotMet, 42);
        Assert.Equal("cần thêm 42 hộ", f.GapText);
    }

    [Fact]
    public void A_year_in_progress_shows_progress_and_what_is_still_needed()
    {
        var f = new TitleFigures(HocTapSuotDoi.Features.Criteria.Engine.Title.FamilyLearning, new SubjectCounts(500, 400, 400, 308), Target(700), TargetStatus.InProgress, 42);
        Assert.Equal("còn cần 42 hộ", f.GapText);
        Assert.Equal("Năm đang thực hiện", Figures.StatusText(TargetStatus.InProgress));
    }

    [Theory]
    [InlineData("2026-06-15", 2026, YearStage.InProgress)]
    [InlineData("2026-12-31", 2026, YearStage.InProgress)]
    [InlineData("2027-01-01", 2026, YearStage.Closed)]
    [InlineData("2026-06-15", 2025, YearStage.Closed)]
    [InlineData("2026-06-15", 2027, YearStage.NotStarted)]
    public void A_year_is_judged_once_its_decisions_are_due_at_year_end(string today, int year, YearStage stage)
    {
        Assert.Equal(stage, YearProgress.StageOn(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
