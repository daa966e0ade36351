using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Units;
using HocTapSuotDoi.Features.Villages;

namespace HocTapSuotDoi.Features.Registers.Excel;

// Excel files of the register lists, as filtered on screen: each goes through the list's own query path (the
// services' Filter and Sort, or the list method itself), so the file and the list agree, role and scope included.
public sealed class RegisterExportService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    VillageService villages,
    UnitService units,
    TimeProvider clock)
{
    public async Task<ExcelFile> HouseholdsAsync(HouseholdQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = HouseholdService.Filter(db, scope, query);
        var households = await HouseholdService.Sort(filtered, query, new PageRequest())
            .Select(h => new { h.Id, h.Code, Village = h.Village!.Name, h.HeadName, h.Address, h.Phone, h.Status })
            .ToListAsync(ct);
        var members = (await db.People.AsNoTracking().Where(p => filtered.Select(h => h.Id).Contains(p.HouseholdId))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct)).ToLookup(p => p.HouseholdId);
        var sheet = new ExcelSheet("Hộ gia đình", RegisterColumns.Households);
        foreach (var h in households)
        {
            object?[] household = [h.Code, h.Village, h.HeadName, h.Address, h.Phone, h.Status.Text()];
            // This file is the import template: a head known only by the name in "Chủ hộ" (typed on the household form)
            // is not a member row, which the import would refuse for its missing birth and sex; importing the file
            // back gives the same rows.
            var rows = members[h.Id].Where(p => !HouseholdService.IsUnfilledHead(p)).ToList();
            // A household without members still gets its row.
            if (rows.Count == 0)
            {
                sheet.Add([.. household, .. new object?[RegisterColumns.PersonPart.Count]]);
            }
            foreach (var p in rows)
            {
                sheet.Add([.. household, p.FullName, RegisterTexts.BirthText(p.BirthDate, p.BirthYear), p.Sex.Text(), p.Relation.Text(),
                    p.Education.Text(), p.Literacy.Text(), p.Occupation, p.TargetGroup.Text(), p.School.Text(), p.NationalId, p.Status.Text()]);
            }
        }
        return File("ho-gia-dinh", sheet);
    }

    public async Task<ExcelFile> PeopleAsync(PersonQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await PeopleService.Sort(PeopleService.Filter(db, scope, query), query, new PageRequest())
            .Select(p => new { Person = p, p.Household!.Code, Village = p.Household.Village!.Name })
            .ToListAsync(ct);
        var sheet = new ExcelSheet("Nhân khẩu", RegisterColumns.People);
        foreach (var (p, code, village) in people.Select(x => (x.Person, x.Code, x.Village)))
        {
            sheet.Add(p.FullName, RegisterTexts.BirthText(p.BirthDate, p.BirthYear), p.Sex.Text(), p.Relation.Text(), code, village,
                p.Education.Text(), p.Literacy.Text(), p.Occupation, p.TargetGroup.Text(), p.School.Text(), p.NationalId, p.Status.Text());
        }
        return File("nhan-khau", sheet);
    }

    public async Task<ExcelFile> ClansAsync(string? search = null, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clans = await ClanService.Filter(db, scope, search).OrderBy(c => c.Name)
            .Select(c => new { c.Name, c.HeadName, c.Phone, c.Note, Codes = c.Members.Select(m => m.Household!.Code).ToList() })
            .ToListAsync(ct);
        var sheet = new ExcelSheet("Dòng họ", RegisterColumns.Clans);
        foreach (var c in clans)
        {
            sheet.Add(c.Name, c.HeadName, c.Phone, c.Note, string.Join(", ", c.Codes.Order(StringComparer.Ordinal)));
        }
        return File("dong-ho", sheet);
    }

    public async Task<ExcelFile> UnitsAsync(string? search = null, UnitKind? kind = null)
    {
        var sheet = new ExcelSheet("Đơn vị", RegisterColumns.Units);
        foreach (var u in await units.ListAsync(search, kind))
        {
            sheet.Add(u.Code, u.Name, u.Kind.Text(), u.HeadName, u.Email, u.Phone, u.StaffCount, u.Village);
        }
        return File("don-vi", sheet);
    }

    public async Task<ExcelFile> VillagesAsync()
    {
        var sheet = new ExcelSheet("Thôn", RegisterColumns.Villages);
        foreach (var v in await villages.ListAsync())
        {
            // The founding date as the village dialog says it: a date, or there before the register began.
            sheet.Add(v.Code, v.Name, v.ActiveFrom is { } from ? VnTime.FormatDate(from) : "Có từ trước khi lập sổ", v.Households, v.People, v.Clans, v.Units);
        }
        return File("thon", sheet);
    }

    // The import template is the export format with one example row, using a village of the user's own scope.
    public async Task<ExcelFile> TemplateAsync(ImportKind kind)
    {
        var scope = await currentUser.RequireScopeAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var village = await db.Villages.AsNoTracking().InScope(scope).OrderBy(v => v.SortOrder)
            .Select(v => new { v.Code, v.Name }).FirstOrDefaultAsync() ?? new { Code = "T01", Name = "Thôn Tân Hòa" };
        var sheet = new ExcelSheet("Mẫu nhập", RegisterImportService.ColumnsOf(kind));
        switch (kind)
        {
            case ImportKind.Households:
                sheet.Add($"{village.Code}-0001", village.Name, "Nguyễn Văn An", $"Xóm 1, {village.Name}", "0912345678", HouseholdStatus.Resident.Text(),
                    "Nguyễn Văn An", "15/03/1980", Sex.Male.Text(), Relation.Head.Text(), EducationLevel.UpperSecondary.Text(), Literacy.Level2.Text(),
                    "Làm ruộng", CitizenGroup.FarmersAndRuralWorkers.Text(), SchoolAttendance.NotApplicable.Text(), "038080001234", PersonStatus.Living.Text());
                return new ExcelFile("mau-nhap-ho-gia-dinh.xlsx", sheet.ToBytes());
            case ImportKind.Clans:
                sheet.Add("Họ Nguyễn Văn", "Nguyễn Văn Bảy", "0987654321", "Nhà thờ họ ở xóm 2", $"{village.Code}-0001, {village.Code}-0002");
                return new ExcelFile("mau-nhap-dong-ho.xlsx", sheet.ToBytes());
            default:
                sheet.Add("CHND", $"Chi hội Nông dân {village.Name}", UnitKind.Branch.Text(), "Lê Văn Tám", "chihoinongdan@example.vn", "0912000111", 35, village.Name);
                return new ExcelFile("mau-nhap-don-vi.xlsx", sheet.ToBytes());
        }
    }

    // "ho-gia-dinh-2026-11-28.xlsx": the date is Vietnam's, the name has no diacritics (any browser, any disk).
    private ExcelFile File(string name, ExcelSheet sheet) =>
        new($"{name}-{VnTime.ToLocal(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.xlsx", sheet.ToBytes());
}
