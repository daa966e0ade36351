using Bunit;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Components;

[Collection(AppCollection.Name)]
public sealed class MainLayoutTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        _scope = await app.AsUserAsync("canbo@camtan.vn");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<ShellService>());
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<WorkingYear>());
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<VnClock>());
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Notifications.NotificationService>());
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("canbo@camtan.vn");
        auth.SetRoles(Roles.Scorer);
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
        await _scope.DisposeAsync();
    }
}
