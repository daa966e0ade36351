using System.Security.Claims;
using HocTapSuotDoi.Security;
using MudBlazor;

namespace HocTapSuotDoi.Components.Layout;

public sealed record NavSection(string Group, string Title, string Href, string Icon, IReadOnlyList<string> Roles, bool External = false);

// The drawer lists only sections that exist and that the user's role may open. Each page checks the same roles on
// the server ([Authorize]); this list only decides what is shown.
public static class NavSections
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new("", "Trang chủ", "/", Icons.Material.Filled.Home, HocTapSuotDoi.Security.Roles.All),
        new("Sổ theo dõi", "Nhập từ Excel", "/nhap-excel", Icons.Material.Filled.UploadFile, [HocTapSuotDoi.Security.Roles.Administrator, HocTapSuotDoi.Security.Roles.Scorer]),
        new("Quản trị", "Người dùng", "/quan-tri/nguoi-dung", Icons.Material.Filled.People, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Quản trị", "Sao lưu dữ liệu", "/quan-tri/sao-luu", Icons.Material.Filled.Backup, [HocTapSuotDoi.Security.Roles.Administrator]),
        new("Quản trị", "Tác vụ nền (Hangfire)", "/hangfire", Icons.Material.Filled.Schedule, [HocTapSuotDoi.Security.Roles.Administrator], External: true),
    ];

    public static IReadOnlyList<NavSection> For(ClaimsPrincipal user) =>
        All.Where(s => s.Roles.Any(user.IsInRole)).ToList();
}
