using System.Security.Claims;
using MudBlazor;

namespace HocTapSuotDoi.Components.Layout;

public sealed record NavSection(string Group, string Title, string Href, string Icon, IReadOnlyList<string> Roles, bool External = false);

// The drawer lists only sections that exist and that the user's role may open. Each page checks the same roles on
// the server ([Authorize]); this list only decides what is shown.
public static class NavSections
{
    private static readonly string[] Readers = HocTapSuotDoi.Features.Registers.RegisterAccess.Readers;

    public static readonly IReadOnlyList<NavSection> All =
    [
        new("", "Trang chủ", "/", Icons.Material.Filled.Home, HocTapSuotDoi.Security.Roles.All),
        new("Danh hiệu", "Đăng ký, chấm điểm", "/cham-diem", Icons.Material.Filled.FactCheck, HocTapSuotDoi.Security.Roles.All),
        new("", "Báo cáo năm", "/bao-cao-nam", Icons.Material.Filled.Description, HocTapSuotDoi.Features.Dashboard.ReportService.Readers),
        new("Sổ theo dõi", "Thôn", "/thon", Icons.Material.Filled.Map, Readers),
        new("Sổ theo dõi", "Hộ gia đình", "/ho-gia-dinh", Icons.Material.Filled.House, Readers),
        new("Sổ theo dõi", "Nhân khẩu", "/nhan-khau", Icons.Material.Filled.Person, Readers),
        new("Sổ theo dõi", "Dòng họ", "/dong-ho", Icons.Material.Filled.Diversity3, Readers),
        new("Sổ theo dõi", "Đơn vị", "/don-vi", Icons.Material.Filled.Business, [.. Readers, HocTapSuotDoi.Security.Roles.UnitReporter]),
        new("Danh hiệu", "Số liệu năm", "/so-lieu-nam", Icons.Material.Filled.Numbers, HocTapSuotDoi.Security.Roles.All),
        new("Công nhận", "Quyết định công nhận", "/quyet-dinh", Icons.Material.Filled.Gavel, Readers),
        new("Quản trị", "Bộ tiêu chí", "/quan-tri/bo-tieu-chi", Icons.Material.Filled.Checklist, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Sổ theo dõi", "Nhập từ Excel", "/nhap-excel", Icons.Material.Filled.UploadFile, [HocTapSuotDoi.Security.Roles.Administrator, HocTapSuotDoi.Security.Roles.Scorer]),
        new("Quản trị", "Số liệu các năm trước", "/so-lieu-cac-nam-truoc", Icons.Material.Filled.History,
            [HocTapSuotDoi.Security.Roles.Administrator, HocTapSuotDoi.Security.Roles.Committee]),
        new("Quản trị", "Chỉ tiêu", "/quan-tri/chi-tieu", Icons.Material.Filled.Flag, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Báo cáo", "Báo cáo của đơn vị", "/bao-cao", Icons.Material.Filled.Assignment,
            [HocTapSuotDoi.Security.Roles.UnitReporter, HocTapSuotDoi.Security.Roles.Scorer, HocTapSuotDoi.Security.Roles.Committee]),
        new("Báo cáo", "Tiến độ báo cáo", "/tien-do-bao-cao", Icons.Material.Filled.FactCheck, [HocTapSuotDoi.Security.Roles.Administrator, HocTapSuotDoi.Security.Roles.Committee]),
        new("Báo cáo", "Nhật ký nhắc việc", "/nhat-ky-nhac-viec", Icons.Material.Filled.History, [HocTapSuotDoi.Security.Roles.Administrator, HocTapSuotDoi.Security.Roles.Committee]),
        new("Quản trị", "Người dùng", "/quan-tri/nguoi-dung", Icons.Material.Filled.People, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Quản trị", "Sao lưu dữ liệu", "/quan-tri/sao-luu", Icons.Material.Filled.Backup, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Quản trị", "Hạn báo cáo", "/quan-tri/han-bao-cao", Icons.Material.Filled.EventNote, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Quản trị", "Tác vụ nền", "/quan-tri/tac-vu", Icons.Material.Filled.Schedule, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Thi đua", "Tiêu chí thi đua", "/thi-dua/tieu-chi", Icons.Material.Filled.EmojiEvents, HocTapSuotDoi.Security.Roles.All),
        new("Thi đua", "Tự đánh giá thi đua", "/thi-dua/tu-danh-gia", Icons.Material.Filled.RuleFolder,
            [HocTapSuotDoi.Security.Roles.Administrator, HocTapSuotDoi.Security.Roles.Committee, HocTapSuotDoi.Security.Roles.Viewer]),
        new("Thi đua", "Sáng kiến, mô hình hay", "/sang-kien", Icons.Material.Filled.Lightbulb, HocTapSuotDoi.Security.Roles.All),
        new("Thi đua", "Nhiệm vụ theo Kế hoạch", "/nhiem-vu", Icons.Material.Filled.TaskAlt,
            [HocTapSuotDoi.Security.Roles.Administrator, HocTapSuotDoi.Security.Roles.Committee, HocTapSuotDoi.Security.Roles.Viewer]),
        new("Thi đua", "Khen thưởng", "/khen-thuong", Icons.Material.Filled.MilitaryTech, HocTapSuotDoi.Features.Awards.AwardService.Readers),
        new("Thi đua", "Sơ kết, tổng kết giai đoạn", "/giai-doan", Icons.Material.Filled.Timeline, HocTapSuotDoi.Features.Dashboard.ReportService.Readers),
        new("Thi đua", "Gương điển hình, học bổng", "/guong-dien-hinh", Icons.Material.Filled.WorkspacePremium, HocTapSuotDoi.Features.Exemplary.ExemplaryService.Readers),
        new("Tài chính", "Kinh phí", "/tai-chinh", Icons.Material.Filled.AccountBalance, HocTapSuotDoi.Features.Funding.MoneyAccess.ReaderRoles),
        new("Tài chính", "Quỹ khuyến học", "/quy-khuyen-hoc", Icons.Material.Filled.Savings, HocTapSuotDoi.Features.Funding.MoneyAccess.ReaderRoles),
    ];

    public static IReadOnlyList<NavSection> For(ClaimsPrincipal user) =>
        All.Where(s => s.Roles.Any(user.IsInRole)).ToList();
}
