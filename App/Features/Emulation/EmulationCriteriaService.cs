namespace HocTapSuotDoi.Features.Emulation;

public sealed record CriteriaListView(int Id, ParticipantKind Kind, int VersionNumber, string Name, string Source, bool IsCurrent,
    bool InUse, int EntityVersion, IReadOnlyList<string> Criteria);

public sealed record CriteriaSaveResult(int ListId, bool NewVersion);

// The emulation criteria lists: everyone signed in reads them; only administrators change them.
public sealed class EmulationCriteriaService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IValidator<EmulationCriteriaForm> validator)
{
    public async Task<IReadOnlyList<CriteriaListView>> CurrentListsAsync(CancellationToken ct = default)
    {
        await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lists = await Query(db, l => l.IsCurrent).ToListAsync(ct);
        return lists.OrderBy(l => l.Kind).ToList();
    }

    public async Task<IReadOnlyList<CriteriaListView>> VersionsAsync(ParticipantKind kind, CancellationToken ct = default)
    {
        await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Query(db, l => l.Kind == kind).ToListAsync(ct)).OrderByDescending(l => l.VersionNumber).ToList();
    }

    public static EmulationCriteriaForm FormFor(CriteriaListView list) => new()
    {
        ListId = list.Id, Version = list.EntityVersion, Name = list.Name, Source = list.Source,
        Criteria = list.Criteria.Select(c => new CriterionLine { Text = c }).ToList(),
    };

    // Saves the edited list. A list some self-report was written against stays as it was, and the edit becomes the
    // kind's next version; an unused list is changed in place.
    public async Task<CriteriaSaveResult> SaveAsync(EmulationCriteriaForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var list = await db.Set<EmulationCriteriaList>().Include(l => l.Criteria).SingleOrDefaultAsync(l => l.Id == form.ListId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        if (!list.IsCurrent)
        {
            throw new ValidationException("Đây là phiên bản cũ; hãy sửa phiên bản đang áp dụng.");
        }
        if (list.Version != form.Version)
        {
            throw new StaleEditException("Danh sách tiêu chí vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.");
        }
        var criteria = form.Criteria.Select((c, i) => new EmulationCriterion { Position = i + 1, Text = c.Text.Trim() }).ToList();
        if (await db.Set<EmulationSelfReport>().AnyAsync(r => r.CriteriaListId == list.Id, ct))
        {
            list.IsCurrent = false;
            var next = new EmulationCriteriaList
            {
                Kind = list.Kind, VersionNumber = list.VersionNumber + 1, Name = form.Name.Trim(), Source = form.Source.Trim(), Criteria = criteria,
            };
            db.Add(next);
            await db.SaveOrConflictAsync("Danh sách tiêu chí này", ct);
            return new CriteriaSaveResult(next.Id, true);
        }
        db.Entry(list).Property(l => l.Version).OriginalValue = form.Version;
        list.Name = form.Name.Trim();
        list.Source = form.Source.Trim();
        db.RemoveRange(list.Criteria);
        list.Criteria = criteria;
        // The list's own row carries the audit line; the criteria text is part of what changed.
        db.Entry(list).Property(l => l.UpdatedAtUtc).IsModified = true;
        await db.SaveOrConflictAsync("Danh sách tiêu chí này", ct);
        return new CriteriaSaveResult(list.Id, false);
    }

    private static IQueryable<CriteriaListView> Query(AppDbContext db, System.Linq.Expressions.Expression<Func<EmulationCriteriaList, bool>> filter) =>
        db.Set<EmulationCriteriaList>().AsNoTracking().Where(filter).Select(l => new CriteriaListView(l.Id, l.Kind, l.VersionNumber, l.Name, l.Source, l.IsCurrent,
            db.Set<EmulationSelfReport>().Any(r => r.CriteriaListId == l.Id), l.Version,
            l.Criteria.OrderBy(c => c.Position).Select(c => c.Text).ToList()));
}
