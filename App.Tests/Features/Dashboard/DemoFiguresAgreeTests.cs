using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

// On the demo commune the dashboard, the village table, the villages register and the yearly report
// (preview, .docx, .xlsx) give the same figures.
public sealed class DemoFiguresAgreeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task RecogniseSomeDemoHouseholdsAsync(int year)
    {
        var added = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            added.Add(await app.AddHouseholdAsync(i < 4 ? "T01" : "T02", $"Đỗ Văn Mẫu{i}"));
        }
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.Where(c => c.Code == "CAM-TAN").Select(c => c.Id).SingleAsync();
        var set = (await CriteriaSetService.ActiveForAsync(db, Title.FamilyLearning, year))!.Id;
        var households = await db.Households.Where(h => h.CommuneId == commune && h.Status == HouseholdStatus.Resident).OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.VillageId }).Take(200).ToListAsync();
        for (var i = 0; i < households.Count; i++)
        {
            if (i % 3 == 2)
            {
                continue;
            }
            db.Add(new Registration
            {
                CommuneId = commune, Year = year, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household, SubjectId = households[i].Id,
                VillageId = households[i].VillageId, RegisteredOn = new DateOnly(year, 2, 1),
                Evaluation = new Evaluation { CriteriaSetId = set, Status = i % 3 == 0 ? EvaluationStatus.Recognised : EvaluationStatus.NotRecognised },
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Dashboard_village_table_register_and_report_agree()
    {
        await RecogniseSomeDemoHouseholdsAsync(2026);
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(2026);
        var villages = await scope.ServiceProvider.GetRequiredService<VillageService>().ListAsync();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var report = await reports.BuildAsync(2026);

        var family = dashboard.Figures.For(Title.FamilyLearning).Counts;
        Assert.True(family.Recognised > 0);
        // The register's household counts are the dashboard's denominators, village by village.
        Assert.Equal(villages.Select(v => (v.Id, v.Households)), dashboard.Figures.Villages.Select(v => (v.VillageId, v.Households.Total)));
        // Công dân học tập counts the register's living people aged 15 or over; a head typed on the household form without a
        // birth year is in the register's people but not of known age.
        var (aged, unknownAge) = await app.WithDbAsync(async db =>
        {
            var people = db.People.Where(p => p.Status == PersonStatus.Living && p.Household!.Status == HouseholdStatus.Resident);
            return (await people.CountAsync(p => p.BirthYear <= CitizenAge.LatestBirthYear(2026)), await people.CountAsync(p => p.BirthYear == null));
        });
        Assert.Equal(villages.Sum(v => v.People), aged + unknownAge);
        Assert.Equal(aged, dashboard.Figures.For(Title.CitizenLearning).Counts.Total);
        Assert.Equal(family, dashboard.Figures.Villages.Aggregate(SubjectCounts.Zero, (s, v) => s.Plus(v.Households)));
        Assert.Equal(dashboard.Figures.Titles, report.Figures.Titles);
        Assert.Equal(dashboard.Figures.Villages, report.Figures.Villages);
        Assert.Equal(family, dashboard.Trend.Single(p => p.Year == 2026 && p.Title == Title.FamilyLearning).Counts);

        // Read as a person reads it: the non-breaking space before "%" is a space.
        var docx = ReportTests.DocxText((await reports.DocxAsync(2026)).Content).Replace('\u00A0', ' ');
        Assert.Contains(VnPercent.Format(family.PercentOfAll), docx);
        Assert.Contains(VnPercent.Format(family.PercentOfRegistered), docx);
        foreach (var v in dashboard.Figures.Villages.Where(v => v.Households.Total > 0))
        {
            Assert.Contains(VnPercent.Format(v.Households.PercentOfAll), docx);
        }
        var xlsx = ReportTests.XlsxCells((await reports.XlsxAsync(2026)).Content, "Tổng hợp");
        var row = xlsx.IndexOf("Gia đình học tập (hộ)");
        Assert.Equal([family.Total, family.Registered, family.Evaluated, family.Recognised], xlsx.Skip(row + 1).Take(4).Select(int.Parse));
    }

    [Fact]
    public async Task Issuing_keeps_each_version_with_its_date_and_the_texts_written()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var form = await reports.GetTextAsync(2025);
        form.Content.Number = "12";
        form.Content.Difficulties = "Một số thôn chưa cập nhật sổ.";
        await reports.SaveTextAsync(form);
        var first = await reports.IssueAsync(2025);
        var second = await reports.IssueAsync(2025);
        var issued = await reports.ListIssuedAsync(2025);
        Assert.Equal([2, 1], issued.Select(r => r.Sequence));
        Assert.All(issued, r => Assert.Equal("12", r.Number));
        var file = await reports.IssuedFileAsync(first, docx: true);
        Assert.EndsWith(".docx", file.FileName);
        var text = ReportTests.DocxText(file.Content);
        Assert.Contains("Số: 12/BC-BCĐ", text);
        Assert.Contains("Một số thôn chưa cập nhật sổ.", text);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_viewer_may_read_the_report_but_not_issue_it()
    {
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        Assert.NotNull(await reports.BuildAsync(2026));
        await Assert.ThrowsAsync<ForbiddenException>(() => reports.IssueAsync(2026));
    }

    [Fact]
    public async Task A_scorer_sees_only_their_villages_and_what_is_left_to_score()
    {
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var figures = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetScorerAsync(2026);
        Assert.Equal(["T01", "T02"], figures.Villages.Select(v => v.Code));
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(2026));
    }
}
