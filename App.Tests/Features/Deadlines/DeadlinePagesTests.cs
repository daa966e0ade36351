using Bunit;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

// The compliance board and the report form rendered with the app's real services on a real database, as the
// committee and as unit reporters. Each test works on its own year, so they share one app in any order.
public sealed class DeadlinePagesTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<PageTestContext> AsAsync(string email)
    {
        await _ctx.SignInAsync(app, email);
        return _ctx;
    }

    [Fact]
    public async Task Board_shows_expected_submitted_on_time_and_late_and_reminds_the_chosen_units_now()
    {
        await app.AddUnitReporterAsync("mn@camtan.vn", "Vũ Văn Minh", "MN");
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var thcs = await app.UnitAsync("THCS");
        var mn = await app.UnitAsync("MN");
        app.StartClockAt(new DateTime(2026, 11, 20, 9, 0, 0));
        await app.SubmitAsync("donvi@camtan.vn", yearly, 2026, thcs);
        app.SetLocal(new DateTime(2026, 12, 2, 9, 0, 0));

        var ctx = await AsAsync("bcd@camtan.vn");
        ctx.Render<MudPopoverProvider>();
        var snackbar = ctx.Render<MudSnackbarProvider>();
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/tien-do-bao-cao?han={yearly}&nam=2026");
        var board = ctx.Render<ComplianceBoardPage>();

        board.WaitForAssertion(() => Assert.Contains($"Phải nộp: {HocTapSuotDoi.Seeding.DemoDataSeeder.UnitSeeds.Count + 10}", board.Find("#board-summary").TextContent));
        var summary = board.Find("#board-summary").TextContent;
        Assert.Contains("Đã nộp: 1", summary);
        Assert.Contains("Đúng hạn: 1", summary);
        Assert.Contains($"Chưa nộp: {HocTapSuotDoi.Seeding.DemoDataSeeder.UnitSeeds.Count + 9}", summary);
        Assert.Contains("đã quá hạn 2 ngày", summary);
        var thcsRow = board.FindAll("#board-table tbody tr").Single(r => r.TextContent.Contains("Trường THCS Cẩm Tân"));
        Assert.Contains("Đã nộp đúng hạn", thcsRow.TextContent);
        Assert.DoesNotContain("background-color", thcsRow.GetAttribute("style") ?? "");
        var mnRow = board.FindAll("#board-table tbody tr").Single(r => r.TextContent.Contains("Trường Mầm non Cẩm Tân"));
        Assert.Contains("Quá hạn", mnRow.TextContent);
        Assert.Contains("Vũ Văn Minh", mnRow.TextContent);
        Assert.Contains("background-color", mnRow.GetAttribute("style"));
        Assert.True(board.Find("#remind-now").HasAttribute("disabled"));

        await board.InvokeAsync(() => board.FindAll("#board-table tbody tr").Single(r => r.TextContent.Contains("Trường Mầm non Cẩm Tân"))
            .QuerySelector("input[type=checkbox]")!.ChangeAsync(new ChangeEventArgs { Value = true }));
        await board.ClickOnRendererAsync("#remind-now");

        snackbar.WaitForAssertion(() => Assert.Contains("Đã nhắc 1 người", snackbar.Markup));
        await using var db = await app.DbAsync();
        var sent = await db.Set<ReminderDispatch>().Where(d => d.Kind == ReminderKind.Manual && d.Year == 2026).ToListAsync();
        var only = Assert.Single(sent);
        Assert.Equal("mn@camtan.vn", only.RecipientEmail);
        Assert.StartsWith("[Nhắc nộp báo cáo] Báo cáo kết quả xây dựng xã hội học tập năm 2026: đã quá hạn 2 ngày", only.Subject);
        Assert.Contains(mn.ToString(), only.Subjects);
    }

    [Fact]
    public async Task A_unit_reporter_fills_the_prefilled_report_and_submits_it_on_time()
    {
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var thcs = await app.UnitAsync("THCS");
        await using (var db = await app.DbAsync())
        {
            var set = new CriteriaSet { Name = "Đơn vị học tập (thử)", Title = Title.UnitLearning, DefinitionJson = "{}", FromYear = 2027 };
            var registration = new Registration { CommuneId = 1, Year = 2027, Title = Title.UnitLearning, SubjectKind = SubjectKind.Unit,
                SubjectId = thcs.Id, SubjectName = "Trường THCS Cẩm Tân", RegisteredOn = new DateOnly(2027, 2, 1) };
            db.AddRange(set, registration, new Evaluation { Registration = registration, CriteriaSet = set, Status = EvaluationStatus.Recognised });
            await db.SaveChangesAsync();
        }
        app.StartClockAt(new DateTime(2027, 11, 25, 9, 0, 0));

        var ctx = await AsAsync("donvi@camtan.vn");
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<ReportPage>(p => p.Add(x => x.DeadlineId, yearly).Add(x => x.Year, 2027).Add(x => x.Kind, "don-vi").Add(x => x.SubjectId, thcs.Id));

        page.WaitForAssertion(() => Assert.Contains("Đơn vị học tập", page.Find("#report-figures").TextContent));
        Assert.Equal(["1", "1"], page.FindAll("#report-figures input").Select(i => i.GetAttribute("value")));
        Assert.Contains("Chưa nộp", page.Markup);
        Assert.Contains("Hạn nộp: <b>30/11/2027</b>", page.Markup);

        await page.ClickOnRendererAsync("#report-submit");
        page.WaitForAssertion(() => Assert.Contains("Hãy nhập nội dung báo cáo (kết quả, khó khăn, đề xuất).", page.Find("#report-error").TextContent));

        await page.ChangeOnRendererAsync("#report-text", "Năm 2027 trường tổ chức 12 chuyên đề bồi dưỡng; 100 % giáo viên có kế hoạch tự học.");
        // The click's handler waits for the confirmation: it completes when "Nộp" is pressed below.
        var submitting = page.ClickOnRendererAsync("#report-submit");
        dialogs.WaitForAssertion(() => Assert.Contains("Sau khi nộp", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Nộp").ClickAsync(new());
        await submitting;

        page.WaitForAssertion(() => Assert.Contains("Đã nộp đúng hạn", page.Find(".report-status").TextContent));
        Assert.Empty(page.FindAll("#report-submit"));
        await using var check = await app.DbAsync();
        var report = await check.Set<UnitReport>().SingleAsync(r => r.Year == 2027 && r.SubjectId == thcs.Id && r.SubjectKind == ReportSubjectKind.Unit);
        Assert.Equal((ReportStatus.Submitted, true, "donvi@camtan.vn"), (report.Status, report.OnTime, report.SubmittedBy));
        Assert.Contains("12 chuyên đề", report.Text);
    }

    [Fact]
    public async Task After_the_due_date_the_form_is_locked_for_a_unit_without_an_exception()
    {
        await app.AddUnitReporterAsync("mn@camtan.vn", "Vũ Văn Minh", "MN");
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var mn = await app.UnitAsync("MN");
        app.StartClockAt(new DateTime(2028, 12, 2, 9, 0, 0));

        var ctx = await AsAsync("mn@camtan.vn");
        var page = ctx.Render<ReportPage>(p => p.Add(x => x.DeadlineId, yearly).Add(x => x.Year, 2028).Add(x => x.Kind, "don-vi").Add(x => x.SubjectId, mn.Id));

        page.WaitForAssertion(() => Assert.Contains("Đã quá hạn nộp (30/11/2028) nên không nộp được nữa", page.Find("#report-locked").TextContent));
        Assert.Empty(page.FindAll("#report-submit"));
        Assert.True(page.Find("#report-text").HasAttribute("disabled"));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
