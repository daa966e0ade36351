using HocTapSuotDoi.Setup;
using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Seeding;

// A realistic commune for a newcomer (DemoData:Enabled): Cẩm Tân's villages, its 25 units, one account per role, and
// the registers (DemoRegisterSeeder: about 2,000 households, 7,000 people, 30 clans). Deterministic and idempotent:
// everything is looked up by its code or e-mail before it is added; registers only go to a commune without households.
public sealed class DemoDataSeeder(AppDbContext db, UserManager<AppUser> users, AppSettings settings, TimeProvider clock, ILogger<DemoDataSeeder> log)
{
    public static readonly IReadOnlyList<string> VillageNames =
    [
        "Thôn Tân Hòa", "Thôn Tân Thành", "Thôn Tân Lập", "Thôn Tân Sơn", "Thôn Tân Phong",
        "Thôn Tân Bình", "Thôn Tân Mỹ", "Thôn Tân Tiến", "Thôn Tân Hưng", "Thôn Tân Phúc",
    ];

    // Declared before UnitSeeds, which reads them: static fields are initialised in the order they are written.
    private static readonly string[] BranchHeads =
    [
        "Nguyễn Văn Thọ", "Lê Thị Mến", "Bùi Văn Chiến", "Hà Thị Sen", "Trần Đức Minh",
        "Quách Thị Huệ", "Lê Huy Toàn", "Phạm Văn Thuận", "Đinh Công Lực", "Hoàng Thị Xuân",
    ];

    private static readonly string[] BranchPhones =
    [
        "0978 120 341", "0389 455 102", "0912 763 208", "0356 220 917", "0986 504 631",
        "0834 117 092", "0965 380 245", "0919 642 570", "0373 908 116", "0947 285 603",
    ];

    // The commune's units: agencies, schools, the cooperative, enterprises, mass organisations, and the study-promotion
    // branch of every village (VillageCode set).
    public static readonly IReadOnlyList<UnitSeed> UnitSeeds =
    [
        new("MN", "Trường Mầm non Cẩm Tân", UnitKind.School, "Lê Thị Hương", "mncamtan@camthuy.edu.vn", "0237 3876 211", 28),
        new("TH", "Trường Tiểu học Cẩm Tân", UnitKind.School, "Phạm Văn Hùng", "thcamtan@camthuy.edu.vn", "0237 3876 212", 34),
        new("THCS", "Trường THCS Cẩm Tân", UnitKind.School, "Trần Văn Nam", "thcscamtan@camthuy.edu.vn", "0237 3876 213", 31),
        new("TYT", "Trạm Y tế xã Cẩm Tân", UnitKind.Agency, "Bùi Thị Thu Hà", "tytcamtan@gmail.com", "0237 3876 115", 9),
        new("HTX", "Hợp tác xã Dịch vụ nông nghiệp Cẩm Tân", UnitKind.Cooperative, "Quách Văn Thành", "htxcamtan@gmail.com", "0912 456 781", 14),
        new("HKH", "Hội Khuyến học xã Cẩm Tân", UnitKind.MassOrganisation, "Lê Đình Quý", "khuyenhoccamtan@gmail.com", "0983 214 567", 1650),
        new("UBND", "Ủy ban nhân dân xã Cẩm Tân", UnitKind.Agency, "Trịnh Đình Long", "ubndcamtan@thanhhoa.gov.vn", "0237 3876 100", 24),
        new("TTHTCD", "Trung tâm Học tập cộng đồng xã Cẩm Tân", UnitKind.Agency, "Nguyễn Thị Lan", "tthtcdcamtan@gmail.com", "0237 3876 120", 7),
        new("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Cẩm Tân", UnitKind.MassOrganisation, "Hà Văn Sơn", "mttqcamtan@gmail.com", "0237 3876 130", 41),
        new("HND", "Hội Nông dân xã Cẩm Tân", UnitKind.MassOrganisation, "Phạm Bá Tiến", "hoinongdancamtan@gmail.com", "0968 331 205", 1240),
        new("HPN", "Hội Liên hiệp Phụ nữ xã Cẩm Tân", UnitKind.MassOrganisation, "Cao Thị Nhung", "hoiphunucamtan@gmail.com", "0979 502 118", 1385),
        new("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Cẩm Tân", UnitKind.MassOrganisation, "Mai Xuân Đạt", "doanthanhniencamtan@gmail.com", "0336 812 449", 426),
        new("HCCB", "Hội Cựu chiến binh xã Cẩm Tân", UnitKind.MassOrganisation, "Trương Công Thắng", "hoiccbcamtan@gmail.com", "0915 207 663", 312),
        new("CT-MAY", "Công ty TNHH May mặc Tân Phong", UnitKind.Enterprise, "Đỗ Đình Hải", "maytanphong@gmail.com", "0237 3650 888", 260, "T05"),
        new("DN-VLXD", "Doanh nghiệp tư nhân Vật liệu xây dựng Cẩm Tân", UnitKind.Enterprise, "Vũ Đức Thịnh", "vlxdcamtan@gmail.com", "0944 126 370", 35, "T08"),
        .. VillageNames.Select((name, i) => new UnitSeed($"KH-T{i + 1:00}", $"Chi hội Khuyến học {name}", UnitKind.Branch,
            BranchHeads[i], $"khuyenhoc.t{i + 1:00}.camtan@gmail.com", BranchPhones[i], 90 + 17 * ((i * 7) % 10), $"T{i + 1:00}")),
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
        await db.SaveChangesAsync();

        var villages = await db.Villages.Where(v => v.CommuneId == commune.Id).OrderBy(v => v.Code).ToListAsync();
        foreach (var unit in UnitSeeds)
        {
            if (!await db.Units.AnyAsync(u => u.CommuneId == commune.Id && u.Code == unit.Code))
            {
                db.Units.Add(new Unit
                {
                    CommuneId = commune.Id, Code = unit.Code, Name = unit.Name, NameSearch = VietnameseText.SearchKey(unit.Name),
                    Kind = unit.Kind, HeadName = unit.HeadName, Email = unit.Email, Phone = unit.Phone, StaffCount = unit.StaffCount,
                    VillageId = villages.SingleOrDefault(v => v.Code == unit.VillageCode)?.Id,
                });
            }
        }
        await db.SaveChangesAsync();
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

        if (settings.DemoData.Registers)
        {
            // Each step's time is logged: the README's run command waits for them before the app answers.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await new DemoRegisterSeeder(db).SeedAsync(commune, villages);
            log.LogInformation("Dữ liệu mẫu: sổ theo dõi xong sau {Seconds:N1} s.", watch.Elapsed.TotalSeconds);
            watch.Restart();
            await new DemoScoringSeeder(db, clock, settings.Scoring.FirstYear).SeedAsync(commune);
            log.LogInformation("Dữ liệu mẫu: chấm điểm và quyết định các năm xong sau {Seconds:N1} s.", watch.Elapsed.TotalSeconds);
            watch.Restart();
            await new AwardDemoSeeder(db).SeedAsync(commune);
            log.LogInformation("Dữ liệu mẫu: khen thưởng xong sau {Seconds:N1} s.", watch.Elapsed.TotalSeconds);
        }
    }
}

public sealed record UnitSeed(string Code, string Name, UnitKind Kind, string HeadName, string Email, string Phone, int StaffCount,
    string? VillageCode = null)
{
    public void Deconstruct(out string code, out string name, out UnitKind kind) => (code, name, kind) = (Code, Name, Kind);
}
