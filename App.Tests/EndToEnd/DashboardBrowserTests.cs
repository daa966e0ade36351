using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HocTapSuotDoi.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Committee_opens_the_dashboard_switches_the_year_and_downloads_the_report()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "bcd@camtan.vn", AppFactory.DemoPassword);
        await Expect(page.Locator("#home-scope")).ToContainTextAsync("toàn xã Cẩm Tân");
        await Expect(page.Locator("#title-summary")).ToContainTextAsync("% trên số đăng ký");
        await Expect(page.Locator("#village-table")).ToContainTextAsync("Thôn Tân Hòa");

        await page.Locator("#working-year").Locator("xpath=..").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "2025" }).ClickAsync();
        await Expect(page.Locator("#dashboard")).ToHaveAttributeAsync("data-year", "2025");
        await Expect(page.Locator("h2").First).ToContainTextAsync("năm 2025");
        await Screens.KeepAsync(page, "dashboard", fullPage: true);

        await page.ClickAsync("#open-report");
        await Expect(page.Locator("h1")).ToContainTextAsync("Báo cáo kết quả năm 2025");
        await Expect(page.Locator("#report-preview")).ToContainTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        // The signer is typed on the page, saved, and printed.
        await page.FillAsync("#report-signer-name", "Hoàng Văn Ký");
        await page.FillAsync("#report-signer-position", "TM. BAN CHỈ ĐẠO – TRƯỞNG BAN");
        await page.ClickAsync("#save-report-text");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Đã lưu nội dung báo cáo.");
        await Expect(page.Locator("#report-preview")).ToContainTextAsync("Hoàng Văn Ký");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-docx"));
        Assert.Equal("bao-cao-xhht-2025.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"hoctap-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            Assert.Contains("BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP XÃ CẨM TÂN", doc.MainDocumentPart!.Document!.Body!.InnerText);
            Assert.Contains("Hoàng Văn Ký", doc.MainDocumentPart!.Document!.Body!.InnerText);
        }
        File.Delete(path);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
        Assert.Equal("bao-cao-xhht-2025.xlsx", xlsx.SuggestedFilename);
    }

    [Fact]
    public async Task Scorer_home_shows_their_villages_and_what_is_left_to_score()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await Expect(page.Locator("#left-to-score")).ToContainTextAsync("Còn phải chấm");
        await Expect(page.Locator("#village-table tbody tr")).ToHaveCountAsync(2);
    }
}
