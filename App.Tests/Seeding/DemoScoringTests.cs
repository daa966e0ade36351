using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Seeding;

// The demo commune's years obey the app's own rules: what is recognised meets its criteria and is in a decision, what
// is stored is what the engine computes from the figures the app gathers, and every title has registrations.
public sealed class DemoScoringTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private async Task<AppDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private int ThisYear => TimeZoneInfo.ConvertTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), VnTime.Zone).Year;

    [Fact]
    public async Task No_evaluation_is_recognised_without_a_decision_or_while_failing_its_criteria()
    {
        await using var db = await DbAsync();
        var recognised = await db.Set<Evaluation>().Where(e => e.Status == EvaluationStatus.Recognised)
            .Select(e => new { e.Id, e.MeetsCriteria, InDecision = db.Set<DecisionSubject>().Any(s => s.EvaluationId == e.Id) }).ToListAsync();
        Assert.True(recognised.Count > 1000, $"{recognised.Count} hồ sơ được công nhận");
        Assert.All(recognised, e => Assert.True(e.MeetsCriteria && e.InDecision, $"Hồ sơ {e.Id}: đạt tiêu chí {e.MeetsCriteria}, có quyết định {e.InDecision}"));
        // And every subject of a decision is of its title and year, and recognised.
        var mismatched = await db.Set<DecisionSubject>().Join(db.Set<Decision>(), s => s.DecisionId, d => d.Id, (s, d) => new { s.EvaluationId, d.Title, d.Year })
            .Join(db.Set<Evaluation>(), x => x.EvaluationId, e => e.Id, (x, e) => new { x.Title, x.Year, e.Status, RTitle = e.Registration!.Title, RYear = e.Registration.Year })
            .CountAsync(x => x.Title != x.RTitle || x.Year != x.RYear || x.Status != EvaluationStatus.Recognised);
        Assert.Equal(0, mismatched);
    }

    [Fact]
    public async Task Stored_totals_ratings_and_verdicts_are_what_the_engine_computes_from_the_gathered_figures()
    {
        await using var db = await DbAsync();
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Include(e => e.Registration)
            .Where(e => e.Registration!.SubjectKind != SubjectKind.Household && e.Registration.SubjectKind != SubjectKind.Person
                || e.Id % 25 == 0).ToListAsync();
        var sets = await db.Set<CriteriaSet>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => CriteriaSetJson.Deserialize(s.DefinitionJson));
        Assert.True(evaluations.Count > 100);
        foreach (var e in evaluations)
        {
            var r = e.Registration!;
            var inputs = await ComputedInputsService.GatherAsync(db, r.SubjectKind, r.SubjectId, r.Year);
            var result = CriteriaEvaluator.Evaluate(sets[e.CriteriaSetId], DependentEvaluations.AnswersInPlay(e, r.Title).ToEngine(inputs));
            Assert.True((result.Total.Tenths, result.Rating ?? "", result.Recognised) == (e.TotalTenths, e.Rating, e.MeetsCriteria),
                $"{r.SubjectName} ({r.Title} {r.Year}, {e.Status}): lưu {e.TotalTenths}/{e.Rating}/{e.MeetsCriteria}, tính {result.Total.Tenths}/{result.Rating}/{result.Recognised}");
        }
    }

    [Fact]
    public async Task Every_title_has_registrations_and_villages_clans_and_the_commune_are_recognised_through_the_workflow()
    {
        await using var db = await DbAsync();
        var byTitle = await db.Set<Registration>().GroupBy(r => r.Title).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Assert.All(Enum.GetValues<Title>(), t => Assert.True(byTitle.GetValueOrDefault(t) > 0, $"{t}: không có hồ sơ đăng ký"));
        var pastYear = ThisYear - 1;
        foreach (var title in new[] { Title.FamilyLearning, Title.CitizenLearning, Title.ClanLearning, Title.UnitLearning, Title.VillageCommunity })
        {
            Assert.True(await db.Set<Decision>().AnyAsync(d => d.Title == title && d.Year == pastYear && d.Subjects.Count > 0), $"{title} {pastYear}: không có quyết định");
        }
        // Self-assessed titles keep the unit's or citizen's own sheet.
        Assert.True(await db.Set<Evaluation>().AnyAsync(e => e.Registration!.Title == Title.UnitLearning && e.SelfAnswersJson != null && e.SelfAnswersJson != "{}"));
        // Past years are closed: no sheet left reviewed and undecided.
        Assert.False(await db.Set<Evaluation>().AnyAsync(e => e.Registration!.Year < ThisYear && e.Status == EvaluationStatus.Reviewed && !e.MeetsCriteria));
    }

    [Fact]
    public async Task The_years_from_2016_until_the_app_are_figures_entered_from_reports_and_show_in_the_trend()
    {
        await using var db = await DbAsync();
        var years = await db.Set<HocTapSuotDoi.Features.YearData.PastYearFigure>().Select(f => f.Year).Distinct().OrderBy(y => y).ToListAsync();
        Assert.Equal(Enumerable.Range(2016, ThisYear - 3 - 2016 + 1), years);
        Assert.False(await db.Set<Registration>().AnyAsync(r => years.Contains(r.Year)));
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var trend = (await scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Dashboard.DashboardService>().GetAsync(ThisYear)).Trend;
        var gdht2016 = trend.Single(p => p.Year == 2016 && p.Title == Title.FamilyLearning);
        Assert.True(gdht2016.Entered);
        Assert.True(gdht2016.Counts.Recognised > 0 && gdht2016.Counts.Recognised < gdht2016.Counts.Total);
    }

    [Fact]
    public async Task Units_and_villages_sent_last_years_report_mostly_on_time_with_the_apps_figures()
    {
        await using var db = await DbAsync();
        var lastYear = ThisYear - 1;
        var deadline = await db.Set<HocTapSuotDoi.Features.Deadlines.Deadline>().SingleAsync(d => d.DefaultKey == "bao-cao-nam");
        var reports = await db.Set<HocTapSuotDoi.Features.Deadlines.UnitReport>().Where(r => r.DeadlineId == deadline.Id && r.Year == lastYear).ToListAsync();
        var expected = await HocTapSuotDoi.Features.Deadlines.ReportObligations.ExpectedSubjectsAsync(db, deadline, lastYear, "Cẩm Tân", default);
        Assert.True(reports.Count >= expected.Count * 0.9, $"{reports.Count}/{expected.Count} báo cáo");
        Assert.All(reports, r => Assert.Equal(HocTapSuotDoi.Features.Deadlines.ReportStatus.Submitted, r.Status));
        Assert.Contains(reports, r => r.OnTime);
        Assert.Contains(reports, r => !r.OnTime);
        Assert.All(reports, r => Assert.Equal(r.OnTime, DateOnly.FromDateTime(r.SubmittedAtUtc!.Value.AddHours(7)) <= deadline.DueDate(lastYear)));
        Assert.All(reports, r => Assert.NotEqual("[]", r.FiguresJson));
    }

    [Fact]
    public async Task This_year_is_in_progress_part_decided_part_waiting()
    {
        await using var db = await DbAsync();
        var gdht = await db.Set<Evaluation>().Where(e => e.Registration!.Year == ThisYear && e.Registration.Title == Title.FamilyLearning)
            .GroupBy(e => new { e.Status, e.MeetsCriteria }).Select(g => new { g.Key.Status, g.Key.MeetsCriteria, Count = g.Count() }).ToListAsync();
        Assert.Contains(gdht, g => g.Status == EvaluationStatus.Recognised && g.Count > 100);
        Assert.Contains(gdht, g => g.Status == EvaluationStatus.Reviewed && g.MeetsCriteria && g.Count > 10);
        Assert.Contains(gdht, g => g.Status == EvaluationStatus.Draft);
        Assert.Contains(gdht, g => g.Status == EvaluationStatus.Submitted);
        Assert.False(await db.Set<Evaluation>().AnyAsync(e => e.Registration!.Year == ThisYear && e.Registration.Title == Title.ClanLearning && e.Status == EvaluationStatus.Recognised));
    }
}
