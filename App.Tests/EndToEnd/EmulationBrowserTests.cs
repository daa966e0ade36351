using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class EmulationBrowserTests(ReportBrowserFixture browser) : BrowserTest(browser), IClassFixture<ReportBrowserFixture>
{
    [Fact]
    public async Task A_village_submits_its_emulation_self_report_with_its_yearly_report_and_the_committee_accepts_it()
    {
        var deadline = await browser.App.DeadlineIdAsync("bao-cao-nam");
        var village = await browser.App.VillageAsync("T01");
        var path = $"/bao-cao/{deadline}/2026/thon/{village.Id}";

        var page = await browser.SignedInPageAsync("canbo@camtan.vn", then: path);
        await Expect(page.Locator("#self-report")).ToContainTextAsync("Hãy lưu nháp báo cáo năm trước");
        await page.FillAsync("#report-text", "Thôn tổ chức 6 buổi sinh hoạt học tập cộng đồng; 85 % hộ đăng ký Gia đình học tập.");
        await page.ClickAsync("#report-save");
        await Expect(page.Locator("#self-report-submit")).ToBeVisibleAsync();

        var lines = page.Locator("tr.self-report-line");
        await Expect(lines).ToHaveCountAsync(3);
        await Expect(lines.Nth(2)).ToContainTextAsync("Được công nhận “Cộng đồng học tập”");
        await page.ClickAsync("#self-report-submit");
        await Expect(page.Locator("#self-report-error")).ToContainTextAsync("Tiêu chí 1: hãy chọn Đạt, Đạt một phần hoặc Chưa đạt.");
        for (var i = 0; i < 3; i++)
        {
            var line = lines.Nth(i);
            await line.GetByText(i == 2 ? "Đạt một phần" : "Đạt", new() { Exact = true }).ClickAsync();
            await line.Locator(".self-report-evidence textarea").FillAsync($"Biên bản họp thôn số {i + 1}/2026");
        }
        await page.ClickAsync("#self-report-submit");
        await Expect(page.Locator("#self-report-status")).ToHaveTextAsync("Đã nộp, chờ xem xét");
        await page.ClickAsync("#report-submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp", Exact = true }).ClickAsync();
        await Expect(page.Locator(".report-status")).ToHaveTextAsync("Đã nộp đúng hạn");

        var committee = await browser.SignedInPageAsync("bcd@camtan.vn");
        await committee.GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá thi đua" }).ClickAsync();
        var row = committee.Locator("#self-reports-table tbody tr").Filter(new() { HasText = "Đã nộp, chờ xem xét" });
        await Expect(row).ToContainTextAsync("Thôn");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await committee.ClickAsync("#self-report-accept");
        await Expect(committee.Locator("#self-report-status")).ToHaveTextAsync("Ban chỉ đạo đã chấp nhận");

        await page.ReloadAsync();
        await Expect(page.Locator("#self-report-status")).ToHaveTextAsync("Ban chỉ đạo đã chấp nhận");
        await Expect(page.Locator("#self-report-submit")).ToHaveCountAsync(0);
    }
}
