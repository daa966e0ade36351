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

    [Theory]
    [InlineData(29, 40, "72,5 %")]
    [InlineData(2, 3, "66,7 %")]
    [InlineData(0, 15, "0,0 %")]
    [InlineData(0, 0, "—")]
    public void Percentages_use_a_decimal_comma_and_a_dash_when_there_is_nothing_to_divide_by(int count, int outOf, string text)
    {
        Assert.Equal(text, Figures.Percent(Figures.Rate(count, outOf)));
    }

    [Fact]
    public void The_gap_is_said_in_subjects()
    {
        var f = new TitleFigures(HocTapSuotDoi.Features.Criteria.Engine.Title.FamilyLearning, new SubjectCounts(500, 400, 400, 308), Target(700), TargetStatus.NotMet, 42);
        Assert.Equal("cần thêm 42 hộ", f.GapText);
    }
}
