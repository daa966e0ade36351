using Bunit;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Components;

public sealed class MainLayoutTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "canbo@camtan.vn");
    }

    private IRenderedComponent<MainLayout> RenderWith(RenderFragment body) =>
        _ctx.Render<MainLayout>(p => p.Add(l => l.Body, body));

    [Fact]
    public void Shell_shows_the_commune_the_working_year_and_the_user()
    {
        var layout = RenderWith(b => b.AddContent(0, "Nội dung trang"));
        layout.WaitForAssertion(() => Assert.Contains("Xã Cẩm Tân · Thanh Hóa", layout.Find(".app-title").TextContent));
        Assert.Contains("Năm làm việc", layout.Markup);
        Assert.Contains("Nội dung trang", layout.Markup);
    }

    [Fact]
    public void A_failing_page_shows_a_friendly_Vietnamese_error_inside_the_shell()
    {
        var layout = RenderWith(b =>
        {
            b.OpenComponent<Boom>(0);
            b.CloseComponent();
        });
        layout.WaitForAssertion(() => Assert.Contains("Đã có lỗi khi hiển thị trang này.", layout.Markup));
        Assert.Contains("Thử lại", layout.Markup);
        Assert.NotNull(layout.Find(".app-title"));
    }

    [Fact]
    public void A_refused_action_shows_the_no_permission_notice()
    {
        var layout = RenderWith(b =>
        {
            b.OpenComponent<Forbidden>(0);
            b.CloseComponent();
        });
        layout.WaitForAssertion(() => Assert.Contains("Bạn không có quyền truy cập trang này", layout.Markup));
    }

    private sealed class Boom : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("lỗi thử");
    }

    private sealed class Forbidden : ComponentBase
    {
        protected override void OnInitialized() => throw new ForbiddenException();
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
