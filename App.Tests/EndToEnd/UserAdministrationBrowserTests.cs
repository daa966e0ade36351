using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

public sealed class AdminBrowserFixture : BrowserFixture
{
    public const string AdminPassword = "Quan-tri-xa-2026";

    public AdminBrowserFixture() => App.Settings["Admin:Password"] = AdminPassword;
}

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationBrowserTests(AdminBrowserFixture browser) : BrowserTest(browser), IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task Administrator_creates_a_scorer_who_then_signs_in_with_the_generated_password()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin@camtan.vn", AdminBrowserFixture.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).ClickAsync();
        await Expect(page.GetByText("Phạm Thị Lan")).ToBeVisibleAsync();

        await page.ClickAsync("#add-user");
        await page.ClickAsync("#user-save");
        await Expect(page.Locator("#user-error")).ToContainTextAsync("Hãy nhập e-mail.");

        await page.FillAsync("#user-email", "vu.thi.thu@camtan.vn");
        await page.FillAsync("#user-fullname", "Vũ Thị Thu");
        await Choose.OptionsAsync(page, "#user-villages", "Thôn Tân Mỹ");
        await page.ClickAsync("#user-save");

        var password = (await page.Locator("#generated-password").TextContentAsync())!.Trim();
        Assert.True(password.Length >= 10);
        await Screens.KeepAsync(page, "users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đã ghi lại" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vũ Thị Thu" })).ToContainTextAsync("Thôn Tân Mỹ");

        var other = await browser.NewPageAsync();
        await browser.SignInAsync(other, "vu.thi.thu@camtan.vn", password);
        await Expect(other).ToHaveURLAsync(new Regex("/doi-mat-khau$"));
    }
}
