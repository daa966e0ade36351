using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

public sealed class ReminderPlannerTests
{
    private static PlannerDeadline Yearly(int year = 2026, params int[] offsets) =>
        new(1, "Báo cáo năm", DeadlineAudience.Units, new DateOnly(year, 11, 30), offsets.Length > 0 ? offsets : [14, 7, 3, 1, 0], 3, 5, true, []);

    [Theory]
    [InlineData("2026-11-15", null, 0)]
    [InlineData("2026-11-16", ReminderKind.Before, 14)]
    [InlineData("2026-11-17", ReminderKind.Before, 14)] // a missed day is caught up once, the day after
    [InlineData("2026-11-23", ReminderKind.Before, 7)]
    [InlineData("2026-11-30", ReminderKind.Before, 0)]
    [InlineData("2026-12-01", ReminderKind.Overdue, -1)]
    [InlineData("2026-12-04", ReminderKind.Overdue, -4)]
    [InlineData("2026-12-13", ReminderKind.Overdue, -13)]
    [InlineData("2026-12-15", ReminderKind.Overdue, -13)]
    [InlineData("2026-12-16", null, 0)]
    public void The_stage_of_a_day_is_the_latest_scheduled_point_that_has_begun(string day, ReminderKind? kind, int offset)
    {
        var stage = ReminderPlanner.StageOn(Yearly(), DateOnly.Parse(day));
        Assert.Equal(kind, stage?.Kind);
        if (stage is not null)
        {
            Assert.Equal(offset, stage.Offset);
        }
    }

    [Theory]
    [InlineData(2027, 28)]
    [InlineData(2028, 29)]
    public void A_deadline_on_29_February_falls_on_28_February_in_a_common_year(int year, int day) =>
        Assert.Equal(new DateOnly(year, 2, day), DeadlineDates.DueDate(year, 2, 29));

    [Theory]
    [InlineData(29, 2, true)]
    [InlineData(30, 2, false)]
    [InlineData(31, 4, false)]
    [InlineData(31, 12, true)]
    [InlineData(0, 1, false)]
    [InlineData(1, 13, false)]
    public void Day_and_month_are_checked_against_a_leap_year(int day, int month, bool valid) =>
        Assert.Equal(valid, DeadlineDates.IsValidDayMonth(day, month));

    [Fact]
    public void Only_subjects_that_have_not_submitted_are_reminded_and_one_person_gets_one_message()
    {
        var a = new SubjectRef(ReportSubjectKind.Village, 1);
        var b = new SubjectRef(ReportSubjectKind.Village, 2);
        var c = new SubjectRef(ReportSubjectKind.Unit, 3);
        var scorer = Recipient.ForUser("u1", "Nguyễn Thị Hoa", "canbo@camtan.vn");
        var unit = Recipient.ForUser("u2", "Trần Văn Nam", "donvi@camtan.vn");
        var subjects = new[] { new PlannerSubject(a, "Thôn Tân Hòa", false, null), new PlannerSubject(b, "Thôn Tân Thành", false, null),
            new PlannerSubject(c, "Trường THCS Cẩm Tân", true, null) };
        var reporters = new Dictionary<SubjectRef, List<Recipient>> { [a] = [scorer], [b] = [scorer], [c] = [unit] };

        var planned = ReminderPlanner.Plan(new PlannerContext("Cẩm Tân", "UBND tỉnh"), Yearly(), new ReminderStage(ReminderKind.Before, 7),
            new DateOnly(2026, 11, 23), subjects, reporters, []);

        var only = Assert.Single(planned);
        Assert.Equal(scorer, only.Recipient);
        Assert.Equal([a, b], only.Subjects);
        Assert.Equal("/bao-cao", only.Link);
        Assert.Contains("Thôn Tân Hòa, Thôn Tân Thành chưa nộp Báo cáo năm năm 2026", only.Body);
    }

    [Fact]
    public void Escalation_goes_to_the_committee_and_listed_addresses_once_each_after_the_due_date()
    {
        var unit = new SubjectRef(ReportSubjectKind.Unit, 3);
        var committee = Recipient.ForUser("u9", "Lê Văn Bình", "bcd@camtan.vn");
        var deadline = Yearly() with { EscalationEmails = ["bcd@camtan.vn", "chutich@camtan.vn"] };

        var planned = ReminderPlanner.Plan(new PlannerContext("Cẩm Tân", "UBND tỉnh"), deadline, new ReminderStage(ReminderKind.Overdue, -1),
            new DateOnly(2026, 12, 1), [new PlannerSubject(unit, "Trạm Y tế", false, null)], new Dictionary<SubjectRef, List<Recipient>>(), [committee]);

        Assert.Equal(["u:u9", "e:chutich@camtan.vn"], planned.Select(p => p.Recipient.Key));
        Assert.All(planned, p => Assert.Equal(ReminderKind.Escalation, p.Kind));
        Assert.All(planned, p => Assert.Contains("- Trạm Y tế", p.Body));
    }
}
