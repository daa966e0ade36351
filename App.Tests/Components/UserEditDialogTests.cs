using Bunit;
using HocTapSuotDoi.Features.Users;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Components;

// The user dialog rendered with the app's real services (real SQLite database of a test app), as the administrator.
public sealed class UserEditDialogTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "admin@camtan.vn");
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(UserForm form)
    {
        _ctx.Render<MudPopoverProvider>();
        var provider = _ctx.Render<MudDialogProvider>();
        var dialogs = _ctx.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<UserEditDialog>("Thêm người dùng",
            new DialogParameters<UserEditDialog> { { x => x.Form, form } }));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("#user-save")));
        return provider;
    }

    [Fact]
    public async Task Saving_an_empty_form_shows_Vietnamese_messages_and_creates_nothing()
    {
        var users = _services.GetRequiredService<UserService>();
        var before = (await users.ListAsync()).Count;
        var provider = await OpenAsync(new UserForm { Role = Roles.Scorer });
        await provider.ClickOnRendererAsync("#user-save");
        provider.WaitForAssertion(() =>
        {
            Assert.Contains("Hãy nhập e-mail.", provider.Markup);
            Assert.Contains("Hãy nhập họ và tên.", provider.Markup);
            Assert.Contains("Hãy chọn ít nhất một thôn.", provider.Markup);
        });
        Assert.Equal(before, (await users.ListAsync()).Count);
    }

    [Fact]
    public async Task A_valid_viewer_is_created_from_the_dialog()
    {
        var form = new UserForm { Role = Roles.Viewer, ScopeKind = HocTapSuotDoi.Data.ScopeKind.Commune };
        var provider = await OpenAsync(form);
        await provider.ChangeOnRendererAsync("#user-email", "viewer2@camtan.vn");
        await provider.ChangeOnRendererAsync("#user-fullname", "Hoàng Văn Đức");
        await provider.ClickOnRendererAsync("#user-save");
        var users = _services.GetRequiredService<UserService>();
        provider.WaitForAssertion(() => Assert.DoesNotContain("user-save", provider.Markup));
        Assert.Contains(await users.ListAsync(), u => u.Email == "viewer2@camtan.vn" && u.FullName == "Hoàng Văn Đức");
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
