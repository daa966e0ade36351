using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Emulation;

// The demo commune's yearly report deadline, its units and villages, and a saved yearly report to attach a self-report to.
public static class EmulationTestData
{
    public const int Year = 2026;

    public static async Task<AppDbContext> DbAsync(this AppFactory app) =>
        await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public static async Task<int> YearlyDeadlineAsync(this AppFactory app)
    {
        await using var db = await app.DbAsync();
        return await db.Set<Deadline>().Where(d => d.DefaultKey == SelfReportService.YearlyReportKey).Select(d => d.Id).SingleAsync();
    }

    public static async Task<SubjectRef> UnitAsync(this AppFactory app, string code)
    {
        await using var db = await app.DbAsync();
        return new SubjectRef(ReportSubjectKind.Unit, await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());
    }

    public static async Task<SubjectRef> VillageAsync(this AppFactory app, string code)
    {
        await using var db = await app.DbAsync();
        return new SubjectRef(ReportSubjectKind.Village, await db.Villages.Where(v => v.Code == code).Select(v => v.Id).SingleAsync());
    }

    // The yearly report saved as a draft by its reporter (idempotent: an existing draft is kept).
    public static async Task SaveYearlyDraftAsync(this AppFactory app, string reporterEmail, int deadlineId, SubjectRef subject)
    {
        await using var scope = await app.AsUserAsync(reporterEmail);
        var reports = scope.ServiceProvider.GetRequiredService<UnitReportService>();
        var view = await reports.GetAsync(deadlineId, Year, subject);
        if (view.ReportId is not null)
        {
            return;
        }
        view.Form.Text = "Kết quả năm: tổ chức 4 chuyên đề học tập cho cán bộ, giáo viên.";
        await reports.SaveDraftAsync(view.Form);
    }

    public static void AnswerAll(SelfReportForm form, CriterionOutcome outcome)
    {
        foreach (var line in form.Lines)
        {
            line.Outcome = outcome;
            line.Evidence = outcome == CriterionOutcome.NotMet ? "" : $"Minh chứng cho tiêu chí {line.Position}";
        }
    }
}
