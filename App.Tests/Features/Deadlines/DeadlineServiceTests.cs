using FluentValidation;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

public sealed class DeadlineServiceTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Only_administrators_manage_deadlines_and_a_29_February_deadline_falls_on_28_February()
    {
        app.StartClockAt(new DateTime(2027, 1, 10, 9, 0, 0));
        await using (var committee = await app.AsUserAsync("bcd@camtan.vn"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => committee.ServiceProvider.GetRequiredService<DeadlineService>()
                .SaveAsync(new DeadlineForm { Name = "Thử" }));
        }
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var deadlines = admin.ServiceProvider.GetRequiredService<DeadlineService>();
        await Assert.ThrowsAsync<ValidationException>(() => deadlines.SaveAsync(new DeadlineForm { Name = "Sai ngày", DueDay = 30, DueMonth = 2 }));
        var id = await deadlines.SaveAsync(new DeadlineForm
        {
            Name = "Sơ kết quý I", ForUnits = false, ForVillages = true, DueDay = 29, DueMonth = 2, ReminderOffsets = "7 ,3,0",
            EscalationEmails = "ChuTich@CamTan.vn; pho.chutich@camtan.vn",
        });

        var row = (await deadlines.ListAsync()).Single(d => d.Id == id);
        Assert.Equal(("29/02 hằng năm", "các thôn", "7,3,0", "chutich@camtan.vn, pho.chutich@camtan.vn"),
            (row.DueText, row.AudienceText, row.ReminderOffsets, row.EscalationEmails));
        await using var db = await app.DbAsync();
        var deadline = await db.Set<Deadline>().SingleAsync(d => d.Id == id);
        Assert.Equal(new DateOnly(2027, 2, 28), deadline.DueDate(2027));
        Assert.Equal(new DateOnly(2028, 2, 29), deadline.DueDate(2028));
        Assert.Equal(3, (await deadlines.ListAsync()).Count(d => d.Id != id));
    }

    [Fact]
    public async Task A_returned_report_can_be_sent_again_after_the_due_date_and_keeps_its_on_time_judgement()
    {
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var thcs = await app.UnitAsync("THCS");
        app.StartClockAt(new DateTime(2029, 11, 28, 9, 0, 0));
        await app.SubmitAsync("donvi@camtan.vn", yearly, 2029, thcs);
        app.SetLocal(new DateTime(2029, 12, 3, 9, 0, 0));

        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => admin.ServiceProvider.GetRequiredService<DeadlineService>()
                .GrantExceptionAsync(new ExceptionForm { DeadlineId = yearly, Year = 2029, SubjectKind = thcs.Kind, SubjectId = thcs.Id,
                    AllowedUntil = new DateTime(2029, 12, 1), Reason = "Thử" }));
            Assert.Equal("Ngày cuối được nộp muộn (01/12/2029) đã qua.", refused.Message);
        }
        await using (var committee = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var reports = committee.ServiceProvider.GetRequiredService<UnitReportService>();
            var view = await reports.GetAsync(yearly, 2029, thcs);
            Assert.True(view.CanReturn);
            Assert.False(view.CanEdit);
            await reports.ReturnAsync(view.ReportId!.Value, "Thiếu số liệu giáo viên đạt Công dân học tập.");
        }
        await using (var unit = await app.AsUserAsync("donvi@camtan.vn"))
        {
            var reports = unit.ServiceProvider.GetRequiredService<UnitReportService>();
            var view = await reports.GetAsync(yearly, 2029, thcs);
            Assert.Equal((BoardStatus.Returned, true, false), (view.Status, view.CanEdit, view.Locked));
            Assert.Equal("Thiếu số liệu giáo viên đạt Công dân học tập.", view.ReturnReason);
            view.Form.Text += " Bổ sung: 45/48 giáo viên đạt Công dân học tập.";
            await reports.SubmitAsync(view.Form);
            Assert.Equal(BoardStatus.OnTime, (await reports.GetAsync(yearly, 2029, thcs)).Status);
            var again = await Assert.ThrowsAsync<ValidationException>(() => reports.SubmitAsync(view.Form));
            Assert.Equal("Báo cáo đã nộp; chỉ sửa được khi Ban chỉ đạo trả lại.", again.Message);
        }
        await using (var other = await app.AsUserAsync("canbo@camtan.vn"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => other.ServiceProvider.GetRequiredService<UnitReportService>().GetAsync(yearly, 2029, thcs));
        }
    }
}
