using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Features.Dashboard;

// Figures are judged as of Today (Vietnam): a year whose decisions are not yet due shows progress, not a verdict.
public sealed record CommuneDashboard(string CommuneName, YearFigures Figures, IReadOnlyList<TrendPoint> Trend, ReportCompliance Compliance, DateOnly Today);

public sealed record ScorerVillages(YearFigures Figures);

public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, ReportObligations obligations, TimeProvider clock, Setup.AppSettings settings,
    DashboardCache cache)
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Viewer];

    public async Task<CommuneDashboard> GetAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync(ct);
        var today = VnTime.Today(clock);
        // Counted figures come from the cache while their inputs are unchanged (DashboardCache explains the stamps).
        var stamps = await DashboardCache.StampsAsync(db, ct);
        var counted = await cache.GetAsync(scope.CommuneId, year, "year", stamps, () => DashboardQueries.YearAsync(db, scope.CommuneId, year, null, ct));
        var figures = await YearData.PastYearOverlay.YearAsync(db, scope.CommuneId, counted.AsOf(today), ct);
        var trend = await YearData.PastYearOverlay.TrendAsync(db, scope.CommuneId,
            await TrendAsync(db, scope.CommuneId, settings.Scoring.FirstYear, Math.Max(WorkingYear.PlanLastYear, year), stamps, counted, ct), ct);
        return new CommuneDashboard(name, figures, trend, await obligations.ComplianceAsync(scope.CommuneId, year, ct), today);
    }

    // The trend year by year, each year from the cache or counted alone (closed years stay cached while their inputs
    // are unchanged), the viewed year taken from its figures counted just before; in DashboardQueries.TrendAsync's
    // order (by title, then year).
    private async Task<IReadOnlyList<TrendPoint>> TrendAsync(AppDbContext db, int communeId, int fromYear, int toYear, Func<int, long>? stamps,
        YearFigures counted, CancellationToken ct)
    {
        var years = new List<IReadOnlyList<TrendPoint>>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var one = year;
            years.Add(year == counted.Year
                ? DashboardQueries.TrendPoints(counted)
                : await cache.GetAsync(communeId, year, "trend", stamps, () => DashboardQueries.TrendAsync(db, communeId, one, one, ct)));
        }
        var titles = years.SelectMany(y => y).Select(p => p.Title).Distinct().ToList();
        return titles.SelectMany(t => years.SelectMany(y => y.Where(p => p.Title == t))).ToList();
    }

    // A scorer's villages: their figures and what is left to score.
    public async Task<YearFigures> GetScorerAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Scorer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var figures = await DashboardQueries.YearAsync(db, scope.CommuneId, year, scope.Kind == ScopeKind.Villages ? scope.VillageIds.ToList() : null, ct);
        return figures.AsOf(VnTime.Today(clock));
    }
}
