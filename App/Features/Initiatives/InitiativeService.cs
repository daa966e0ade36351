using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Initiatives;

public sealed record InitiativeFilter(int? Year = null, InitiativeStatus? Status = null, InitiativeKind? Kind = null, string? Search = null);

public sealed record InitiativeRow(int Id, InitiativeKind Kind, InitiativeAuthorKind AuthorKind, string AuthorName, string Title, int Year,
    string ApplicationScope, InitiativeStatus Status, string DecisionNumber, DateOnly? DecisionDate, bool CanEdit);

public sealed record InitiativeOption(int Id, string Name);

// The register of initiatives and good models. The committee and administrators keep it; khuyến học staff propose
// entries for their villages; everyone else reads what their scope covers.
public sealed class InitiativeService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IValidator<InitiativeForm> validator)
{
    public static readonly string[] Editors = [Roles.Administrator, Roles.Committee, Roles.Scorer];
    public const string RecogniseOnlyCommittee = "Chỉ Ban chỉ đạo hoặc quản trị viên được công nhận hoặc không công nhận sáng kiến.";

    public static bool CanEdit(UserScope scope, int? villageId, InitiativeStatus status) => scope.Role switch
    {
        Roles.Administrator or Roles.Committee => true,
        Roles.Scorer => status == InitiativeStatus.Proposed
            && (scope.Kind == ScopeKind.Commune || (villageId is { } v && scope.VillageIds.Contains(v))),
        _ => false,
    };

    private static IQueryable<Initiative> Visible(IQueryable<Initiative> rows, UserScope scope)
    {
        var villages = scope.VillageIds.Select(v => (int?)v).ToList();
        rows = rows.Where(i => i.CommuneId == scope.CommuneId);
        return scope.Role switch
        {
            Roles.Administrator or Roles.Committee => rows,
            Roles.Scorer or Roles.Viewer when scope.Kind == ScopeKind.Commune => rows,
            // A villages-scoped viewer reads their villages' entries and, as the registers show units and the commune to
            // every scope but a unit's, the entries tied to no village.
            Roles.Viewer when scope.Kind == ScopeKind.Villages => rows.Where(i => i.VillageId == null || villages.Contains(i.VillageId)),
            Roles.Viewer when scope.Kind == ScopeKind.Unit => rows.Where(i => i.UnitId != null && i.UnitId == scope.UnitId),
            Roles.Scorer => rows.Where(i => villages.Contains(i.VillageId)),
            Roles.UnitReporter => rows.Where(i => i.UnitId != null && i.UnitId == scope.UnitId),
            _ => rows.Where(i => false),
        };
    }

    public async Task<(PageResult<InitiativeRow> Page, bool CanAdd)> ListAsync(InitiativeFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Visible(db.Set<Initiative>().AsNoTracking(), scope)
            .WhereGiven(filter.Year, year => i => i.Year == year)
            .WhereGiven(filter.Status, status => i => i.Status == status)
            .WhereGiven(filter.Kind, kind => i => i.Content.Kind == kind);
        var key = VietnameseText.SearchKey(filter.Search);
        if (key.Length > 0)
        {
            rows = rows.Where(i => i.SearchKey.Contains(key));
        }
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(i => i.Year).ThenBy(i => i.Content.Title)
            .Skip(page.Page * page.PageSize).Take(page.PageSize)
            .Select(i => new { i.Id, i.Content, i.Year, i.Status, i.DecisionDate, i.VillageId })
            .ToListAsync(ct);
        var result = items.Select(i => new InitiativeRow(i.Id, i.Content.Kind, i.Content.AuthorKind, i.Content.AuthorName, i.Content.Title, i.Year,
            i.Content.ApplicationScope, i.Status, i.Content.DecisionNumber, i.DecisionDate, CanEdit(scope, i.VillageId, i.Status))).ToList();
        return (new PageResult<InitiativeRow>(result, total), scope.HasRole(Editors));
    }

    public async Task<InitiativeForm> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await Visible(db.Set<Initiative>().AsNoTracking(), scope).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        // Read without tracking: the form takes the row's content itself.
        return new InitiativeForm
        {
            Id = i.Id, Version = i.Version, Content = i.Content, VillageId = i.VillageId, UnitId = i.UnitId, Year = i.Year, Status = i.Status,
            DecisionDate = i.DecisionDate?.ToDateTime(TimeOnly.MinValue),
        };
    }

    // The villages and units an editor may link an entry to.
    public async Task<(IReadOnlyList<InitiativeOption> Villages, IReadOnlyList<InitiativeOption> Units)> OptionsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().InScope(scope).OrderBy(v => v.SortOrder).Select(v => new InitiativeOption(v.Id, v.Name)).ToListAsync(ct);
        var units = scope.Role == Roles.Scorer && scope.Kind != ScopeKind.Commune ? [] :
            await db.Units.AsNoTracking().InScope(scope).OrderBy(u => u.Name).Select(u => new InitiativeOption(u.Id, u.Name)).ToListAsync(ct);
        return (villages, units);
    }

    public async Task<int> SaveAsync(InitiativeForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        await validator.ValidateAndThrowAsync(form, ct);
        if (!CanEdit(scope, form.VillageId, form.Status))
        {
            throw new ForbiddenException(form.Status == InitiativeStatus.Proposed
                ? "Bạn chỉ ghi được sáng kiến của thôn mình phụ trách: hãy chọn thôn."
                : RecogniseOnlyCommittee);
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        if (form.VillageId is { } villageId && !await db.Villages.AnyAsync(v => v.Id == villageId && v.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        if (form.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        Initiative entry;
        if (form.Id == 0)
        {
            entry = new Initiative { CommuneId = scope.CommuneId };
            db.Add(entry);
        }
        else
        {
            entry = await db.EditedRowAsync(Visible(db.Set<Initiative>(), scope).Where(i => i.Id == form.Id), form.Version, ct);
            // A staff member may not reopen or change an entry the committee has already decided on.
            if (!CanEdit(scope, entry.VillageId, entry.Status))
            {
                throw new ForbiddenException(RecogniseOnlyCommittee);
            }
        }
        entry.Content.Kind = form.Content.Kind;
        entry.Content.AuthorKind = form.Content.AuthorKind;
        entry.Content.AuthorName = form.Content.AuthorName.Trim();
        entry.VillageId = form.VillageId;
        entry.UnitId = form.UnitId;
        entry.Content.Title = form.Content.Title.Trim();
        entry.Content.Description = form.Content.Description.Trim();
        entry.Year = form.Year;
        entry.Content.ApplicationScope = form.Content.ApplicationScope.Trim();
        entry.Content.Evidence = form.Content.Evidence.Trim();
        entry.Status = form.Status;
        var recognised = form.Status == InitiativeStatus.Recognised;
        entry.Content.DecisionNumber = recognised ? form.Content.DecisionNumber.Trim() : "";
        entry.DecisionDate = recognised && form.DecisionDate is { } date ? DateOnly.FromDateTime(date) : null;
        entry.SearchKey = VietnameseText.SearchKey($"{entry.Content.Title} {entry.Content.AuthorName}");
        await db.SaveOrConflictAsync("Sáng kiến này", ct);
        return entry.Id;
    }
}
