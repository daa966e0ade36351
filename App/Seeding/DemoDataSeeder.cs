using HocTapSuotDoi.Data;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Seeding;

// A realistic commune for a newcomer (DemoData:Enabled): Cẩm Tân's villages and units, and one account per role.
// Deterministic and idempotent: everything is looked up by its code or e-mail before it is added.
public sealed class DemoDataSeeder(AppDbContext db, UserManager<AppUser> users, AppSettings settings, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> VillageNames =
    [
        "Thôn Tân Hòa", "Thôn Tân Thành", "Thôn Tân Lập", "Thôn Tân Sơn", "Thôn Tân Phong",
        "Thôn Tân Bình", "Thôn Tân Mỹ", "Thôn Tân Tiến", "Thôn Tân Hưng", "Thôn Tân Phúc",
    ];

    public static readonly IReadOnlyList<(string Code, string Name, UnitKind Kind)> UnitSeeds =
    [
        ("MN", "Trường Mầm non Cẩm Tân", UnitKind.School),
        ("TH", "Trường Tiểu học Cẩm Tân", UnitKind.School),
        ("THCS", "Trường THCS Cẩm Tân", UnitKind.School),
        ("TYT", "Trạm Y tế xã Cẩm Tân", UnitKind.Agency),
        ("HTX", "Hợp tác xã Dịch vụ nông nghiệp Cẩm Tân", UnitKind.Cooperative),
        ("HKH", "Hội Khuyến học xã Cẩm Tân", UnitKind.MassOrganisation),
    ];

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> DemoUsers =
    [
        ("bcd@camtan.vn", "Lê Văn Bình", Roles.Committee),
        ("canbo@camtan.vn", "Nguyễn Thị Hoa", Roles.Scorer),
        ("donvi@camtan.vn", "Trần Văn Nam", Roles.UnitReporter),
        ("xem@camtan.vn", "Phạm Thị Lan", Roles.Viewer),
    ];

    public async Task SeedAsync(Commune commune)
    {
        for (var i = 0; i < VillageNames.Count; i++)
        {
            var code = $"T{i + 1:00}";
            if (!await db.Villages.AnyAsync(v => v.CommuneId == commune.Id && v.Code == code))
            {
                db.Villages.Add(new Village { CommuneId = commune.Id, Code = code, Name = VillageNames[i], SortOrder = i + 1 });
            }
        }
        foreach (var (code, name, kind) in UnitSeeds)
        {
            if (!await db.Units.AnyAsync(u => u.CommuneId == commune.Id && u.Code == code))
            {
                db.Units.Add(new Unit { CommuneId = commune.Id, Code = code, Name = name, NameSearch = Features.Registers.VietnameseText.SearchKey(name), Kind = kind });
            }
        }
        await db.SaveChangesAsync();

        var villages = await db.Villages.Where(v => v.CommuneId == commune.Id).OrderBy(v => v.Code).ToListAsync();
        var school = await db.Units.SingleAsync(u => u.CommuneId == commune.Id && u.Code == "THCS");
        foreach (var (email, name, role) in DemoUsers)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = name,
                CommuneId = commune.Id,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                ScopeKind = role switch
                {
                    Roles.Scorer => ScopeKind.Villages,
                    Roles.UnitReporter => ScopeKind.Unit,
                    _ => ScopeKind.Commune,
                },
                UnitId = role == Roles.UnitReporter ? school.Id : null,
            };
            if (role == Roles.Scorer)
            {
                user.Villages = villages.Take(2).Select(v => new UserVillage { UserId = user.Id, VillageId = v.Id }).ToList();
            }
            var result = await users.CreateAsync(user, settings.DemoData.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, role);
        }
    }
}
