using Bunit;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Emulation;
using HocTapSuotDoi.Features.Initiatives;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Emulation;

// The emulation pages rendered with the app's real services and database, as the person who uses each of them.
public sealed class EmulationPagesTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<PageTestContext> AsAsync(string email)
    {
        await _ctx.SignInAsync(app, email);
        _ctx.Render<MudPopoverProvider>();
        return _ctx;
    }

    [Fact]
    public async Task The_criteria_page_shows_every_kind_with_the_plans_wording_and_lets_the_administrator_edit()
    {
        var ctx = await AsAsync("admin@camtan.vn");
        var page = ctx.Render<EmulationCriteriaPage>();
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("ol.emulation-criteria").Count));
        foreach (var kind in Enum.GetValues<ParticipantKind>())
        {
            Assert.Contains($"{kind.DisplayName()} · phiên bản 1", page.Markup);
        }
        Assert.Contains("Tổ chức các phong trào thi đua thiết thực, hiệu quả", page.Markup);
        Assert.Equal(7, page.FindAll("button").Count(b => b.TextContent.Contains("Sửa danh sách")));
    }

    [Fact]
    public async Task The_unit_sees_its_criteria_on_its_yearly_report_and_cannot_submit_them_unanswered()
    {
        var deadline = await app.YearlyDeadlineAsync();
        var school = await app.UnitAsync("THCS");
        await app.SaveYearlyDraftAsync("donvi@camtan.vn", deadline, school);
        var ctx = await AsAsync("donvi@camtan.vn");
        var section = ctx.Render<SelfReportSection>(p => p.Add(x => x.DeadlineId, deadline).Add(x => x.Year, EmulationTestData.Year)
            .Add(x => x.Subject, school).Add(x => x.ReportId, 1));

        section.WaitForAssertion(() => Assert.Equal(5, section.FindAll("tr.self-report-line").Count));
        Assert.Contains("Đạt một phần", section.Find("tr.self-report-line").TextContent);
        Assert.Contains("Chưa đạt", section.Find("tr.self-report-line").TextContent);
        await section.ClickOnRendererAsync("#self-report-submit");
        section.WaitForAssertion(() => Assert.Contains("Tiêu chí 1: hãy chọn Đạt, Đạt một phần hoặc Chưa đạt.", section.Find("#self-report-error").TextContent));
    }

    [Fact]
    public async Task The_committee_lists_the_years_self_reports()
    {
        var deadline = await app.YearlyDeadlineAsync();
        var village = await app.VillageAsync("T02");
        await app.SaveYearlyDraftAsync("canbo@camtan.vn", deadline, village);
        await using (var scope = await app.AsUserAsync("canbo@camtan.vn"))
        {
            var reports = scope.ServiceProvider.GetRequiredService<SelfReportService>();
            var view = (await reports.GetAsync(deadline, EmulationTestData.Year, village))!;
            EmulationTestData.AnswerAll(view.Form, CriterionOutcome.Met);
            await reports.SubmitAsync(view.Form);
        }
        var ctx = await AsAsync("bcd@camtan.vn");
        var page = ctx.Render<SelfReportsPage>();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#self-reports-table tbody tr"), r => r.TextContent.Contains("Đã nộp, chờ xem xét")));
        var row = page.FindAll("#self-reports-table tbody tr").Single(r => r.TextContent.Contains("Đã nộp, chờ xem xét"));
        Assert.Contains("Thôn", row.TextContent);
        Assert.Equal(ReminderPlanner.ReportLink(deadline, EmulationTestData.Year, village), row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_initiatives_register_lists_and_filters_entries()
    {
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var initiatives = scope.ServiceProvider.GetRequiredService<InitiativeService>();
            await initiatives.SaveAsync(new InitiativeForm
            {
                Year = 2028, Status = InitiativeStatus.Recognised, DecisionDate = new DateTime(2028, 11, 25),
                Content = new()
                {
                    Kind = InitiativeKind.EffectivePractice, AuthorKind = InitiativeAuthorKind.Person, AuthorName = "Bà Lê Thị Mai",
                    Title = "Tủ sách lưu động theo xóm", DecisionNumber = "88/QĐ-UBND",
                },
            });
        }
        var ctx = await AsAsync("bcd@camtan.vn");
        var page = ctx.Render<InitiativesPage>();
        page.WaitForAssertion(() => Assert.Contains("Tủ sách lưu động theo xóm", page.Markup));
        Assert.Contains("QĐ số 88/QĐ-UBND ngày 25/11/2028", page.Markup);
        Assert.Contains("Cách làm hiệu quả", page.Markup);
        Assert.NotNull(page.Find("#add-initiative"));
        await page.InputOnRendererAsync("input#initiative-search", "khong co sang kien nay");
        page.WaitForAssertion(() => Assert.Contains("Không có sáng kiến nào khớp điều kiện tìm.", page.Markup), TimeSpan.FromSeconds(5));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
