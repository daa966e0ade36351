using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Security;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Dashboard;

public sealed record CommuneDashboard(string CommuneName, YearFigures Figures, IReadOnlyList<TrendPoint> Trend, ReportCompliance Compliance);

public sealed record ScorerVillages(YearFigures Figures);

public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IReportComplianceSource compliance, Setup.AppSettings settings)
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Viewer];

    public async Task<CommuneDashboard> GetAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync(ct);
        var figures = await YearData.PastYearOverlay.YearAsync(db, scope.CommuneId, await DashboardQueries.YearAsync(db, scope.CommuneId, year, null, ct), ct);
        var trend = await YearData.PastYearOverlay.TrendAsync(db, scope.CommuneId,
            await DashboardQueries.TrendAsync(db, scope.CommuneId, settings.Scoring.FirstYear, Math.Max(WorkingYear.PlanLastYear, year), ct), ct);
        return new CommuneDashboard(name, figures, trend, await compliance.GetAsync(scope.CommuneId, year, ct));
    }

    // A scorer's villages: their figures and what is left to score.
    public async Task<YearFigures> GetScorerAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Scorer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DashboardQueries.YearAsync(db, scope.CommuneId, year, scope.Kind == ScopeKind.Villages ? scope.VillageIds.ToList() : null, ct);
    }
}
