using HocTapSuotDoi.Tests.EndToEnd;
using Microsoft.Playwright;
using static HocTapSuotDoi.Tests.Features.Registers.Excel.ExcelTestFiles;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

// The import page in real Chromium: choose a file with the browser's file picker, read the errors, fix, import.
[Collection(BrowserCollection.Name)]
public sealed class ImportBrowserTests(AdminBrowserFixture browser) : IClassFixture<AdminBrowserFixture>
{
    [Fact]
    public async Task Administrator_uploads_a_file_sees_its_errors_then_imports_the_corrected_file()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Admin, AdminBrowserFixture.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ Excel" }).ClickAsync();
        await Expect(page.Locator("#download-template")).ToHaveAttributeAsync("href", "/mau-excel/ho-gia-dinh");

        var head = new Line(Code(), "Thôn Tân Hòa", Name());
        var bad = new[] { head, head.Member("Trần Thị Thu", "Vợ", "Nữ", "1983") };
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.ClickAsync("#choose-file"));
        await chooser.SetFilesAsync(new FilePayload { Name = "ho-gia-dinh.xlsx", MimeType = "application/octet-stream", Buffer = Households(bad).ToArray() });
        await Expect(page.Locator("#row-errors")).ToContainTextAsync(
            "Dòng 3, cột \"Quan hệ với chủ hộ\": \"Vợ\" không phải là giá trị hợp lệ (Chủ hộ, Vợ/Chồng, Con, Cha/Mẹ, Cháu, Anh/Chị/Em, Khác)", new() { Timeout = 20_000 });
        await Screens.KeepAsync(page, "import-errors", fullPage: true);

        var good = new[] { head, head.Member("Trần Thị Thu", "Vợ/Chồng", "Nữ", "1983") };
        chooser = await page.RunAndWaitForFileChooserAsync(() => page.ClickAsync("#choose-file"));
        await chooser.SetFilesAsync(new FilePayload { Name = "ho-gia-dinh-da-sua.xlsx", MimeType = "application/octet-stream", Buffer = Households(good).ToArray() });
        await Expect(page.Locator("#preview-ok")).ToContainTextAsync("Sẽ thêm 1 hộ, 2 nhân khẩu vào sổ.");
        await page.ClickAsync("#commit-import");
        await Expect(page.Locator("#import-done")).ToContainTextAsync("Đã nhập 1 hộ, 2 nhân khẩu vào sổ từ tệp ho-gia-dinh-da-sua.xlsx.");
        await Screens.KeepAsync(page, "import-done", fullPage: true);
    }
}
