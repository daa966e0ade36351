using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static HocTapSuotDoi.Tests.Features.Registers.Excel.ExcelTestFiles;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

public sealed class ClanAndUnitImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<List<string>> AddHouseholdsAsync(int count)
    {
        var lines = Enumerable.Range(0, count).Select(_ => new Line(Code(), "Thôn Tân Hòa", Name())).ToList();
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        await import.CommitAsync(await import.PreviewHouseholdsAsync(Households(lines)));
        return lines.Select(l => l.Code).ToList();
    }

    private static MemoryStream Clans(params object?[][] rows) => Xlsx(RegisterColumns.Clans, rows);

    private static MemoryStream Units(params object?[][] rows) => Xlsx(RegisterColumns.Units, rows);

    [Fact]
    public async Task Clans_are_imported_with_their_member_households()
    {
        var codes = await AddHouseholdsAsync(3);
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;

        var preview = await import.PreviewClansAsync(Clans(
            ["Họ Đỗ Thử Nghiệm", "Đỗ Văn Cả", "0987654321", "Nhà thờ họ ở xóm 2", $"{codes[0]}, {codes[1].ToLowerInvariant()}"],
            ["Họ Lương Thử Nghiệm", "Lương Văn Hai", "", "", codes[2]]));
        var result = await import.CommitAsync(preview);

        Assert.Equal("2 dòng họ", result.Summary);
        await app.WithDbAsync(async db =>
        {
            var clan = await db.Clans.Include(c => c.Members).SingleAsync(c => c.Name == "Họ Đỗ Thử Nghiệm");
            Assert.Equal(("ho do thu nghiem", "Đỗ Văn Cả", "Nhà thờ họ ở xóm 2", 2), (clan.NameSearch, clan.HeadName, clan.Note, clan.Members.Count));
            Assert.Equal("Nhập từ Excel: 2 dòng họ", (await db.ChangeLogs.OrderByDescending(c => c.Id).FirstAsync()).Changes);
            return 0;
        });
    }

    [Fact]
    public async Task Clan_duplicates_and_unknown_member_codes_are_reported()
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        await import.CommitAsync(await import.PreviewClansAsync(Clans(["Họ Triệu Thử Nghiệm", "Triệu Văn Cả", "", "", ""])));

        var preview = await import.PreviewClansAsync(Clans(
            ["họ triệu thử nghiệm", "Triệu Văn Hai", "", "", ""],
            ["Họ Mạc Thử Nghiệm", "Mạc Văn Cả", "", "", "KHONGCO-1; KHONGCO-2"],
            ["Họ Mạc  Thử Nghiệm", "", "", "", ""]));

        Assert.Equal(
        [
            "Dòng 2, cột \"Tên dòng họ\": Đã có dòng họ tên \"họ triệu thử nghiệm\" trong xã.",
            "Dòng 3, cột \"Mã hộ thành viên\": Không có hộ mang mã KHONGCO-1, KHONGCO-2 trong sổ của xã.",
            "Dòng 4, cột \"Tên dòng họ\": Trùng với dòng 3: cùng tên dòng họ.",
            "Dòng 4, cột \"Trưởng họ\": Hãy nhập họ và tên trưởng họ.",
        ], preview.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task A_village_scorer_cannot_import_clans_or_units()
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Scorer);
        await using var _ = scope;

        Assert.Equal([ImportKind.Households], await import.AllowedKindsAsync());
        var clans = await Assert.ThrowsAsync<ForbiddenException>(() => import.PreviewClansAsync(Clans(["Họ Thử", "Thử Văn Cả", "", "", ""])));
        Assert.StartsWith("Dòng họ có thể gồm hộ ở nhiều thôn", clans.Message);
        var units = await Assert.ThrowsAsync<ForbiddenException>(() => import.PreviewUnitsAsync(Units(["CB", "Chi bộ", "Khác", "", "", "", 1, ""])));
        Assert.Equal("Chỉ quản trị viên được nhập danh sách đơn vị.", units.Message);
    }

    [Fact]
    public async Task Units_are_imported_with_their_village_and_keys()
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        Assert.Equal([ImportKind.Households, ImportKind.Clans, ImportKind.Units], await import.AllowedKindsAsync());

        var preview = await import.PreviewUnitsAsync(Units(
            ["chnd-t01", "Chi hội Nông dân thôn Tân Hòa", "chi hội", "Lê Văn Tám", "chihoi@example.vn", "0912000111", 35, "T01"],
            ["DN-TN", "Công ty Thử Nghiệm", "Doanh nghiệp", "", "", "", "", ""]));
        await import.CommitAsync(preview);

        await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "CHND-T01");
            var village = await db.Villages.SingleAsync(v => v.Id == unit.VillageId);
            Assert.Equal((UnitKind.Branch, 35, "Thôn Tân Hòa", "chi hoi nong dan thon tan hoa", "admin@camtan.vn"),
                (unit.Kind, unit.StaffCount, village.Name, unit.NameSearch, unit.CreatedBy));
            Assert.Null((await db.Units.SingleAsync(u => u.Code == "DN-TN")).VillageId);
            return 0;
        });
    }

    [Fact]
    public async Task Unit_errors_and_duplicate_codes_are_reported()
    {
        var before = await app.CountsAsync();
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;

        var preview = await import.PreviewUnitsAsync(Units(
            ["MN", "Trường Mầm non khác", "Trường học", "", "", "", 10, ""],
            ["TO-1", "Tổ thử", "Hội", "", "khong-phai-email", "", "mười", "Thôn Không Có"],
            ["TO-2", "Tổ thử 2", "Khác", "", "", "", 1, ""],
            ["to-2", "Tổ thử 3", "", "", "", "", 1, ""]));

        Assert.Equal(
        [
            "Dòng 2, cột \"Mã đơn vị\": Mã đơn vị MN đã được dùng.",
            "Dòng 3, cột \"Loại\": \"Hội\" không phải là giá trị hợp lệ (Cơ quan, Trường học, Doanh nghiệp, Hợp tác xã, Đoàn thể, Chi hội, Khác)",
            "Dòng 3, cột \"E-mail\": E-mail không đúng định dạng.",
            "Dòng 3, cột \"Số cán bộ\": \"mười\" không phải là một số nguyên.",
            "Dòng 3, cột \"Thôn\": \"Thôn Không Có\" không phải là thôn của xã (để trống nếu đơn vị không thuộc thôn nào).",
            "Dòng 5, cột \"Mã đơn vị\": Trùng với dòng 4: cùng mã đơn vị.",
            "Dòng 5, cột \"Loại\": Hãy chọn loại đơn vị.",
        ], preview.Errors.Select(e => e.ToString()));
        Assert.Equal(before, await app.CountsAsync());
    }
}
