using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SignInFlowTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Administrator_signs_in_changes_the_generated_password_sees_the_shell_and_signs_out()
    {
        var page = await browser.NewPageAsync();
        var generated = browser.App.GeneratedAdminPassword();
        await browser.SignInThroughFormAsync(page, "admin@camtan.vn", generated);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/doi-mat-khau$"));
        await Expect(page.Locator("#must-change")).ToContainTextAsync("Hãy đặt mật khẩu mới");
        await page.FillAsync("#current", generated);
        await page.FillAsync("#new", "Mat-khau-rieng-2026");
        await page.FillAsync("#confirm", "Mat-khau-rieng-2026");
        await page.ClickAsync("#change-password");

        await Expect(page.Locator("#password-changed")).ToContainTextAsync("Đã đổi mật khẩu.");
        await Expect(page.Locator(".app-title")).ToContainTextAsync("Xã Cẩm Tân");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sao lưu dữ liệu" })).ToBeVisibleAsync();
        await Expect(page.Locator("#home-scope")).ToContainTextAsync("toàn xã Cẩm Tân");
        await Screens.KeepAsync(page, "shell");

        await page.ClickAsync(".user-menu-button button, button.user-menu-button");
        await page.ClickAsync("#sign-out-form button");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        await page.GotoAsync(browser.BaseUrl + "/quan-tri/nguoi-dung");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap\\?ReturnUrl="));
    }

    [Fact]
    public async Task Wrong_password_shows_the_Vietnamese_error()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInThroughFormAsync(page, "xem@camtan.vn", "khong-dung-mat-khau");
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("E-mail hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task Sixth_attempt_after_five_failures_shows_the_lock_out_message()
    {
        var page = await browser.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInThroughFormAsync(page, "bcd@camtan.vn", $"sai-lan-{attempt}-abc");
            await Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        }
        await browser.SignInThroughFormAsync(page, "bcd@camtan.vn", AppFactory.DemoPassword);
        await Expect(page.Locator("#login-error")).ToContainTextAsync("Tài khoản tạm thời bị khóa do nhập sai mật khẩu quá 5 lần");
        await Screens.KeepAsync(page, "lockout");
    }

    [Fact]
    public async Task Scorer_sees_only_the_sections_of_the_role_and_gets_a_clear_refusal_by_url()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInThroughFormAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await Expect(page.Locator("#home-scope")).ToContainTextAsync("Thôn Tân Hòa, Thôn Tân Thành");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Người dùng" })).ToHaveCountAsync(0);
        await page.GotoAsync(browser.BaseUrl + "/quan-tri/nguoi-dung");
        await Expect(page.GetByText("Bạn không có quyền truy cập trang này")).ToBeVisibleAsync();
    }
}
