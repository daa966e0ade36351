using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Units;

public sealed record UnitRow(int Id, string Code, string Name, UnitKind Kind, string HeadName, string Email, string Phone,
    int StaffCount, string Village, IReadOnlyList<string> Reporters);

public sealed class UnitForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; } = UnitKind.Agency;
    public string HeadName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public int StaffCount { get; set; }
    public int? VillageId { get; set; }
}

public sealed class UnitFormValidator : AbstractValidator<UnitForm>
{
    public UnitFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Code).NotEmpty().WithMessage("Hãy nhập mã đơn vị.")
            .Matches("^[A-Za-z0-9-]{1,20}$").WithMessage("Mã đơn vị gồm 1–20 chữ không dấu, chữ số hoặc dấu gạch ngang.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên đơn vị.").MaximumLength(300).WithMessage("Tên đơn vị dài quá 300 ký tự.")
            .WithoutHiddenCharacters("Tên đơn vị");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Hãy chọn loại đơn vị.");
        RuleFor(x => x.HeadName).MaximumLength(200).WithMessage("Tên người đứng đầu dài quá 200 ký tự.")
            .WithoutHiddenCharacters("Tên người đứng đầu");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("E-mail không đúng định dạng.");
        RuleFor(x => x.Phone).Matches(@"^(\+?[0-9][0-9 .]{7,14})?$").WithMessage("Số điện thoại không hợp lệ (8–15 chữ số).");
        RuleFor(x => x.StaffCount).InclusiveBetween(0, 100_000).WithMessage("Số cán bộ, thành viên phải từ 0 đến 100.000.");
    }
}

// Units of the commune. Administrators manage them; a unit's reporter sees and updates only the contact details of
// their own unit. The reporters of a unit are the users with the Đơn vị role scoped to it.
public sealed class UnitService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<UnitForm> validator)
{
    private static readonly string[] UnitReaders = [.. RegisterAccess.Readers, Roles.UnitReporter];

    public static IQueryable<Unit> Filter(AppDbContext db, UserScope scope, string? search, UnitKind? kind)
    {
        var units = db.Units.AsNoTracking().InScope(scope);
        var key = VietnameseText.SearchKey(search);
        if (key.Length > 0)
        {
            var code = key.ToUpperInvariant();
            units = units.Where(u => u.NameSearch.Contains(key) || u.Code.Contains(code));
        }
        return kind is { } k ? units.Where(u => u.Kind == k) : units;
    }

    public async Task<IReadOnlyList<UnitRow>> ListAsync(string? search = null, UnitKind? kind = null, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(UnitReaders);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await Filter(db, scope, search, kind).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new { Unit = u, Village = db.Villages.Where(v => v.Id == u.VillageId).Select(v => v.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ids = units.Select(u => (int?)u.Unit.Id).ToList();
        var reporters = await db.Users.AsNoTracking().Where(u => u.ScopeKind == ScopeKind.Unit && ids.Contains(u.UnitId))
            .Select(u => new { u.UnitId, u.FullName }).ToListAsync(ct);
        return units.Select(x => new UnitRow(x.Unit.Id, x.Unit.Code, x.Unit.Name, x.Unit.Kind, x.Unit.HeadName, x.Unit.Email, x.Unit.Phone,
            x.Unit.StaffCount, x.Village ?? "", reporters.Where(r => r.UnitId == x.Unit.Id).Select(r => r.FullName).ToList())).ToList();
    }

    public async Task<UnitForm> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(UnitReaders);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var u = await db.Units.AsNoTracking().InScope(scope).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        return new UnitForm
        {
            Id = u.Id, Version = u.Version, Code = u.Code, Name = u.Name, Kind = u.Kind, HeadName = u.HeadName,
            Email = u.Email, Phone = u.Phone, StaffCount = u.StaffCount, VillageId = u.VillageId,
        };
    }

    public async Task<int> SaveAsync(UnitForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.UnitReporter);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var isAdmin = scope.IsAdministrator;
        Unit unit;
        if (form.Id is { } id)
        {
            unit = await db.EditedRowAsync(db.Units.InScope(scope).Where(u => u.Id == id), form.Version, ct);
        }
        else
        {
            if (!isAdmin)
            {
                throw new ForbiddenException("Chỉ quản trị viên được thêm đơn vị.");
            }
            unit = new Unit { CommuneId = scope.CommuneId, Code = "", Name = "" };
            db.Units.Add(unit);
        }
        if (isAdmin)
        {
            var code = form.Code.Trim().ToUpperInvariant();
            if (await db.Units.AnyAsync(u => u.CommuneId == scope.CommuneId && u.Code == code && u.Id != unit.Id, ct))
            {
                throw new ValidationException($"Mã đơn vị {code} đã được dùng.");
            }
            if (form.VillageId is { } villageId)
            {
                var village = await db.Villages.AsNoTracking().SingleOrDefaultAsync(v => v.Id == villageId && v.CommuneId == scope.CommuneId, ct)
                    ?? throw new ValidationException("Thôn đã chọn không thuộc xã.");
                // A merged village takes no new units (its units moved with the merge); as for households.
                if (!village.Active && unit.VillageId != village.Id)
                {
                    throw new ValidationException($"{village.Name} đã sáp nhập vào thôn khác: hãy chọn thôn đang hoạt động.");
                }
            }
            unit.Code = code;
            unit.Name = form.Name.Trim();
            unit.NameSearch = VietnameseText.SearchKey(unit.Name);
            unit.Kind = form.Kind;
            unit.VillageId = form.VillageId;
        }
        // A unit's reporter keeps its contact details and staff number up to date.
        unit.HeadName = form.HeadName.Trim();
        unit.Email = form.Email.Trim();
        unit.Phone = form.Phone.Trim();
        unit.StaffCount = form.StaffCount;
        await db.SaveOrConflictAsync("Đơn vị này", ct);
        return unit.Id;
    }
}
