namespace HocTapSuotDoi.Features.Home;

public sealed record HomeSummary(string CommuneName, string ScopeText, int Villages, int Units, IReadOnlyList<string> VillageNames);

public sealed class HomeService(CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<HomeSummary> GetSummaryAsync()
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var commune = await db.Communes.AsNoTracking().Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync();
        var villages = db.Villages.AsNoTracking().Where(v => v.CommuneId == scope.CommuneId);
        if (scope.Kind == ScopeKind.Villages)
        {
            villages = villages.Where(v => scope.VillageIds.Contains(v.Id));
        }
        var villageNames = scope.Kind == ScopeKind.Unit ? [] : await villages.OrderBy(v => v.SortOrder).Select(v => v.Name).ToListAsync();
        var units = db.Units.AsNoTracking().Where(u => u.CommuneId == scope.CommuneId);
        if (scope.Kind != ScopeKind.Commune)
        {
            units = units.Where(u => u.Id == scope.UnitId);
        }
        var scopeText = scope.Kind switch
        {
            ScopeKind.Commune => $"toàn xã {commune}",
            ScopeKind.Villages => $"{villageNames.Count} thôn: {string.Join(", ", villageNames)}",
            _ => "đơn vị " + await units.Select(u => u.Name).FirstOrDefaultAsync(),
        };
        return new HomeSummary(commune, scopeText, villageNames.Count, await units.CountAsync(), villageNames);
    }
}
