using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class CriteriaBrowserTests(AdminBrowserFixture browser) : BrowserTest(browser), IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task Administrator_copies_an_active_set_edits_the_draft_and_sees_the_checks()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin@camtan.vn", AdminBrowserFixture.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bộ tiêu chí" }).ClickAsync();
        await Expect(page.GetByText("Chưa đối chiếu").First).ToBeVisibleAsync();
        await page.GetByText("Gia đình học tập – QĐ 448/QĐ-KHVN (2015)").ClickAsync();
        await Expect(page.Locator("#not-checked")).ToContainTextAsync("Chưa đối chiếu với hướng dẫn hiện hành của tỉnh.");
        await Expect(page.GetByText("Điều kiện bắt buộc").First).ToBeVisibleAsync();

        await page.ClickAsync("#copy-set");
        await Expect(page.Locator("h1")).ToContainTextAsync("phiên bản 2");
        await page.ClickAsync("#edit-set");
        await Expect(page.Locator("#set-ok")).ToContainTextAsync("tổng 100 điểm");
        var groupMax = page.Locator(".group-max input").First;
        await groupMax.FillAsync("31");
        await Expect(page.Locator("#set-problems")).ToContainTextAsync("Nhóm 1: tổng điểm các tiêu chí 30 khác điểm tối đa của nhóm 31");
        await Expect(page.Locator("#save-set")).ToBeDisabledAsync();
        await groupMax.FillAsync("30");
        await page.FillAsync("#set-name", "Gia đình học tập – bản của xã Cẩm Tân");
        await page.ClickAsync("#save-set");
        await Expect(page.Locator("h1")).ToContainTextAsync("Gia đình học tập – bản của xã Cẩm Tân · phiên bản");
        await Screens.KeepAsync(page, "criteria");
    }
}
