using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.YearData;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

// The dashboard keeps counted figures of a year until one of their inputs changes (DashboardCache, triggers of the
// migration DashboardStamps). The demo commune on 14/10/2026: 2024 and 2025 closed and decided, 2026 in progress.
public sealed class DashboardCacheTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private const string Committee = "bcd@camtan.vn";

    private async Task<CommuneDashboard> DashboardAsync(int year)
    {
        await using var scope = await app.AsUserAsync(Committee);
        return await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(year);
    }

    private async Task<AppDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    // What the figures are when counted afresh, without the cache.
    private async Task<SubjectCounts> CountedAsync(int year, Title title)
    {
        await using var db = await DbAsync();
        var communeId = await db.Communes.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        return (await DashboardQueries.YearAsync(db, communeId, year)).For(title).Counts;
    }

    private async Task<long> StampAsync(int year)
    {
        await using var db = await DbAsync();
        return (await DashboardCache.StampsAsync(db))!(year);
    }

    [Fact]
    public async Task A_changed_decision_of_a_closed_year_shows_at_the_next_visit()
    {
        var before = (await DashboardAsync(2025)).Figures.For(Title.FamilyLearning).Counts;
        Assert.True(before.Recognised > 0);
        Assert.Equal(before, (await DashboardAsync(2025)).Figures.For(Title.FamilyLearning).Counts);
        var stamp = await StampAsync(2025);

        // A recognition of 2025 withdrawn by a SQL statement, not through EF: the trigger still sees it.
        await using (var db = await DbAsync())
        {
            var id = await db.Set<Evaluation>().Where(e => e.Registration!.Year == 2025 && e.Registration.Title == Title.FamilyLearning
                && e.Status == EvaluationStatus.Recognised).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            await db.Set<Evaluation>().Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EvaluationStatus.NotRecognised));
        }

        Assert.True(await StampAsync(2025) > stamp);
        var after = await DashboardAsync(2025);
        Assert.Equal(before.Recognised - 1, after.Figures.For(Title.FamilyLearning).Counts.Recognised);
        Assert.Equal(before.Recognised - 1, after.Trend.Single(p => p.Year == 2025 && p.Title == Title.FamilyLearning).Counts.Recognised);
        Assert.Equal(await CountedAsync(2025, Title.FamilyLearning), after.Figures.For(Title.FamilyLearning).Counts);
    }

    [Fact]
    public async Task A_household_moving_away_today_changes_this_year_but_not_the_closed_years()
    {
        var closed = (await DashboardAsync(2025)).Figures.For(Title.FamilyLearning).Counts;
        var current = (await DashboardAsync(2026)).Figures.For(Title.FamilyLearning).Counts;
        var (stamp2025, stamp2026) = (await StampAsync(2025), await StampAsync(2026));

        await using (var db = await DbAsync())
        {
            var id = await db.Households.Where(h => h.Status == HouseholdStatus.Resident && h.ActiveFrom == null).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
            await db.Households.Where(h => h.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(h => h.Status, HouseholdStatus.MovedAway).SetProperty(h => h.StatusDate, app.Today));
        }

        // By the year-true rule the household was still there on 31/12/2025: 2025 keeps its stamp and its figures.
        Assert.Equal(stamp2025, await StampAsync(2025));
        Assert.True(await StampAsync(2026) > stamp2026);
        Assert.Equal(closed, (await DashboardAsync(2025)).Figures.For(Title.FamilyLearning).Counts);
        Assert.Equal(closed, await CountedAsync(2025, Title.FamilyLearning));
        var now = (await DashboardAsync(2026)).Figures.For(Title.FamilyLearning).Counts;
        Assert.Equal(current.Total - 1, now.Total);
        Assert.Equal(await CountedAsync(2026, Title.FamilyLearning), now);
    }

    [Fact]
    public async Task An_entered_figure_of_a_past_year_shows_in_the_trend_when_changed()
    {
        async Task<int> SaveAsync(int recognised, int version)
        {
            await using var scope = await app.AsUserAsync(Committee);
            return await scope.ServiceProvider.GetRequiredService<PastYearFigureService>().SaveAsync(new PastFigureForm
            {
                Year = 2019, Title = Title.FamilyLearning, Total = 1_000, Recognised = recognised, Source = "Báo cáo tổng kết năm 2019", Version = version,
            });
        }

        int version;
        await using (var scope = await app.AsUserAsync(Committee))
        {
            version = (await scope.ServiceProvider.GetRequiredService<PastYearFigureService>().ListAsync(2019, null)).Single(r => r.Title == Title.FamilyLearning).Version;
        }
        version = await SaveAsync(600, version);
        Assert.Equal(600, (await DashboardAsync(2026)).Trend.Single(p => p.Year == 2019 && p.Title == Title.FamilyLearning).Counts.Recognised);
        await SaveAsync(650, version);
        Assert.Equal(650, (await DashboardAsync(2026)).Trend.Single(p => p.Year == 2019 && p.Title == Title.FamilyLearning).Counts.Recognised);
    }
}
