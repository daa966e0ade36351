using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Villages;

public sealed record VillageRow(int Id, string Code, string Name, int SortOrder, int Households, int People, int Clans, int Units, int Version)
{
    // A village merged into another: inactive from ActiveTo, kept for the years before.
    public bool Active { get; init; } = true;
    public DateOnly? ActiveTo { get; init; }
    public string? MergedInto { get; init; }

    public string? MergedText => Active ? null
        : $"Đã sáp nhập vào {MergedInto} từ ngày {(ActiveTo is { } d ? VnTime.FormatDate(d) : "")}";
}

public sealed class VillageForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class VillageFormValidator : AbstractValidator<VillageForm>
{
    public VillageFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên thôn.").MaximumLength(200).WithMessage("Tên thôn dài quá 200 ký tự.")
            .WithoutHiddenCharacters("Tên thôn");
        RuleFor(x => x.Code).NotEmpty().WithMessage("Hãy nhập mã thôn.")
            .Matches("^[A-Za-z0-9]{1,10}$").WithMessage("Mã thôn gồm 1–10 chữ không dấu hoặc chữ số (ví dụ T01).");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 999).WithMessage("Thứ tự phải từ 0 đến 999.");
    }
}

public sealed class VillageService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<VillageForm> validator)
{
    // Live counts: resident households, living people, clans with a member household there, units attached to it.
    public async Task<IReadOnlyList<VillageRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Villages.AsNoTracking().InScope(scope).OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new VillageRow(v.Id, v.Code, v.Name, v.SortOrder,
                db.Households.Count(h => h.VillageId == v.Id && h.Status == HouseholdStatus.Resident),
                db.People.Count(p => p.Household!.VillageId == v.Id && p.Status == PersonStatus.Living && p.Household.Status == HouseholdStatus.Resident),
                db.Clans.Count(c => c.Members.Any(m => db.Households.Any(h => h.Id == m.HouseholdId && h.VillageId == v.Id))),
                db.Units.Count(u => u.VillageId == v.Id),
                v.Version)
            {
                Active = v.Active, ActiveTo = v.ActiveTo, MergedInto = db.Villages.Where(m => m.Id == v.MergedIntoId).Select(m => m.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> ChoicesAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Villages.AsNoTracking().InScope(scope).OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, v.Active }).ToListAsync(ct);
        return list.Select(v => (v.Id, v.Active ? v.Name : $"{v.Name} (đã sáp nhập)")).ToList();
    }

    public async Task SaveAsync(VillageForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var code = form.Code.Trim().ToUpperInvariant();
        if (await db.Villages.AnyAsync(v => v.CommuneId == scope.CommuneId && v.Code == code && v.Id != form.Id, ct))
        {
            throw new ValidationException($"Mã thôn {code} đã có.");
        }
        Village village;
        if (form.Id is { } id)
        {
            village = await db.EditedRowAsync(db.Villages.Where(v => v.Id == id && v.CommuneId == scope.CommuneId), form.Version, ct);
            village.Code = code;
            village.Name = form.Name.Trim();
        }
        else
        {
            village = new Village { CommuneId = scope.CommuneId, Code = code, Name = form.Name.Trim() };
            db.Villages.Add(village);
        }
        village.SortOrder = form.SortOrder;
        await db.SaveOrConflictAsync("Thôn này", ct);
    }
}
