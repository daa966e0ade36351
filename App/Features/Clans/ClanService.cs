using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Clans;

public sealed record ClanRow(int Id, string Name, string HeadName, string Phone, int Households, string Villages);

public sealed record ClanMemberRow(int HouseholdId, string Code, string HeadName, string Village);

public sealed class ClanForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string HeadName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Note { get; set; } = "";
    public List<int> HouseholdIds { get; set; } = [];
}

public sealed class ClanFormValidator : AbstractValidator<ClanForm>
{
    public ClanFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên dòng họ.").MaximumLength(200).WithMessage("Tên dòng họ dài quá 200 ký tự.")
            .WithoutHiddenCharacters("Tên dòng họ");
        RuleFor(x => x.HeadName).NotEmpty().WithMessage("Hãy nhập họ và tên trưởng họ.").MaximumLength(200).WithMessage("Tên trưởng họ dài quá 200 ký tự.")
            .WithoutHiddenCharacters("Tên trưởng họ");
        RuleFor(x => x.Phone).Matches(@"^(\+?[0-9][0-9 .]{7,14})?$").WithMessage("Số điện thoại không hợp lệ (8–15 chữ số).");
        RuleFor(x => x.Note).MaximumLength(1000).WithMessage("Ghi chú dài quá 1000 ký tự.");
    }
}

// Clans and their member households, which may live in several villages. Editing a clan touches several villages, so
// it needs a commune-wide scope (administrator, or a scorer for the whole commune).
public sealed class ClanService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<ClanForm> validator, TimeProvider clock)
{
    public static IQueryable<Clan> Filter(AppDbContext db, UserScope scope, string? search)
    {
        var clans = db.Clans.AsNoTracking().InScope(scope, db.Households);
        var key = VietnameseText.SearchKey(search);
        return key.Length > 0 ? clans.Where(c => c.NameSearch.Contains(key)) : clans;
    }

    public async Task<IReadOnlyList<ClanRow>> ListAsync(string? search = null, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Filter(db, scope, search).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.HeadName, c.Phone, Households = c.Members.Count })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var villages = await db.ClanMembers.AsNoTracking().Where(m => ids.Contains(m.ClanId))
            .Select(m => new { m.ClanId, m.Household!.Village!.Name, m.Household.Village.SortOrder }).Distinct().ToListAsync(ct);
        return rows.Select(r => new ClanRow(r.Id, r.Name, r.HeadName, r.Phone, r.Households,
            string.Join(", ", villages.Where(v => v.ClanId == r.Id).OrderBy(v => v.SortOrder).Select(v => v.Name)))).ToList();
    }

    // Whether the signed-in user may add or change clans: the page offers "Lưu" only then.
    public async Task<bool> CanEditAsync() => CanEdit(await currentUser.RequireScopeAsync(RegisterAccess.Readers));

    public async Task<(ClanForm Form, IReadOnlyList<ClanMemberRow> Members, bool CanEdit)> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clan = await db.Clans.AsNoTracking().InScope(scope, db.Households).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        var members = await db.ClanMembers.AsNoTracking().Where(m => m.ClanId == id).OrderBy(m => m.Household!.Code)
            .Select(m => new ClanMemberRow(m.HouseholdId, m.Household!.Code, m.Household.HeadName, m.Household.Village!.Name))
            .ToListAsync(ct);
        var form = new ClanForm
        {
            Id = clan.Id, Version = clan.Version, Name = clan.Name, HeadName = clan.HeadName, Phone = clan.Phone, Note = clan.Note,
            HouseholdIds = members.Select(m => m.HouseholdId).ToList(),
        };
        return (form, members, CanEdit(scope));
    }

    // Households to add to a clan: search by head of household or code, in the whole commune.
    public async Task<IReadOnlyList<ClanMemberRow>> FindHouseholdsAsync(string search, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await HouseholdService.Filter(db, scope, new HouseholdQuery(search, Status: HouseholdStatus.Resident))
            .OrderBy(h => h.HeadGivenNameSort).Take(20)
            .Select(h => new ClanMemberRow(h.Id, h.Code, h.HeadName, h.Village!.Name)).ToListAsync(ct);
    }

    public async Task<int> SaveAsync(ClanForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Editors);
        if (!CanEdit(scope))
        {
            throw new ForbiddenException("Dòng họ có thể gồm hộ ở nhiều thôn: chỉ người có phạm vi toàn xã được sửa.");
        }
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var nameKey = VietnameseText.SearchKey(form.Name);
        if (await db.Clans.AnyAsync(c => c.CommuneId == scope.CommuneId && c.NameSearch == nameKey && c.Id != form.Id, ct))
        {
            throw new ValidationException($"Đã có dòng họ tên \"{form.Name.Trim()}\" trong xã.");
        }
        var ids = form.HouseholdIds.Distinct().ToList();
        if (await db.Households.CountAsync(h => h.CommuneId == scope.CommuneId && ids.Contains(h.Id), ct) != ids.Count)
        {
            throw new ValidationException("Có hộ thành viên không thuộc xã.");
        }

        Clan clan;
        if (form.Id is { } id)
        {
            clan = await db.EditedRowAsync(db.Clans.Include(c => c.Members).Where(c => c.Id == id && c.CommuneId == scope.CommuneId), form.Version, ct);
        }
        else
        {
            clan = new Clan { CommuneId = scope.CommuneId, Name = "" };
            db.Clans.Add(clan);
        }
        clan.Name = form.Name.Trim();
        clan.NameSearch = nameKey;
        clan.HeadName = form.HeadName.Trim();
        clan.Phone = form.Phone.Trim();
        clan.Note = form.Note.Trim();
        var touched = clan.Members.Select(m => m.HouseholdId).Union(ids).ToList();
        clan.Members.RemoveAll(m => !ids.Contains(m.HouseholdId));
        clan.Members.AddRange(ids.Where(h => clan.Members.All(m => m.HouseholdId != h)).Select(h => new ClanMember { HouseholdId = h }));
        // Membership changes alone do not touch the clan row: bump it so the version still guards concurrent edits.
        db.Entry(clan).State = clan.Id == 0 ? EntityState.Added : EntityState.Modified;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveOrConflictAsync("Dòng họ này", ct);
        var villages = await db.Households.Where(h => touched.Contains(h.Id)).Select(h => h.VillageId).Distinct().ToListAsync(ct);
        await RegisterDependents.RecomputeAsync(db, scope.CommuneId, clock, [], villages, clan.Id, ct: ct);
        await transaction.CommitAsync(ct);
        return clan.Id;
    }

    private static bool CanEdit(UserScope scope) =>
        scope.Kind == ScopeKind.Commune && scope.HasRole(RegisterAccess.Editors);
}
