namespace HocTapSuotDoi.Components.Layout;

public sealed class ShellService(CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory)
{
    // "Xã Cẩm Tân", or "Xã Cẩm Tân · Đơn vị: Trường THCS" for a unit reporter: the app bar title.
    public async Task<string> GetTitleAsync()
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var commune = await db.Communes.AsNoTracking().Where(c => c.Id == scope.CommuneId)
            .Select(c => new { c.Name, Province = c.Province!.Name }).SingleAsync();
        var title = $"Xã {commune.Name} · {commune.Province}";
        if (scope is { Kind: ScopeKind.Unit, UnitId: { } unitId })
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync();
            title = $"{unit} · Xã {commune.Name}";
        }
        return title;
    }
}
