using Bunit;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Components;

public sealed class NavMenuTests : IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    private IReadOnlyList<string> LinksFor(string role)
    {
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("nguoi.dung@camtan.vn");
        auth.SetRoles(role);
        var menu = _ctx.Render<NavMenu>();
        return menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public void Administrator_sees_the_administration_sections()
    {
        var links = LinksFor(Roles.Administrator);
        Assert.Equal(["Trang chủ", "Báo cáo năm", "Đăng ký, chấm điểm", "Số liệu năm", "Thôn", "Hộ gia đình", "Nhân khẩu", "Dòng họ", "Đơn vị", "Nhập từ Excel", "Quyết định công nhận", "Bộ tiêu chí", "Số liệu các năm trước", "Chỉ tiêu", "Người dùng", "Sao lưu dữ liệu", "Hạn báo cáo", "Tác vụ nền", "Tiến độ báo cáo", "Nhật ký nhắc việc", "Tiêu chí thi đua", "Tự đánh giá thi đua", "Sáng kiến, mô hình hay", "Nhiệm vụ theo Kế hoạch", "Khen thưởng", "Sơ kết, tổng kết giai đoạn", "Gương điển hình, học bổng", "Kinh phí", "Quỹ khuyến học"], links);
    }

    [Fact]
    public void Unit_reporter_sees_only_the_units_register()
    {
        var links = LinksFor(Roles.UnitReporter);
        Assert.Equal(["Trang chủ", "Đăng ký, chấm điểm", "Số liệu năm", "Đơn vị", "Báo cáo của đơn vị", "Tiêu chí thi đua", "Sáng kiến, mô hình hay"], links);
    }

    [Theory]
    [InlineData(Roles.Committee)]
    [InlineData(Roles.Scorer)]
    [InlineData(Roles.UnitReporter)]
    [InlineData(Roles.Viewer)]
    public void Other_roles_do_not_see_administration(string role)
    {
        var links = LinksFor(role);
        Assert.Contains("Trang chủ", links);
        Assert.DoesNotContain("Người dùng", links);
        Assert.DoesNotContain("Bộ tiêu chí", links);
        Assert.DoesNotContain("Sao lưu dữ liệu", links);
        Assert.DoesNotContain("Tác vụ nền", links);
    }

    [Fact]
    public void Every_section_links_to_a_page_that_exists()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => r.Template).ToHashSet();
        routes.Add("/hangfire");
        Assert.All(NavSections.All, s => Assert.Contains(s.Href, routes));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
