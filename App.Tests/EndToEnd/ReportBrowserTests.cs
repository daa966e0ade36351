using HocTapSuotDoi.Tests.Features.Deadlines;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The app on a real port with its clock fixed at 20/11/2026 09:00 (ten days before the units' due date), and Chromium.
public sealed class ReportBrowserFixture : BrowserFixture<ClockedApp>
{
    public override async Task InitializeAsync()
    {
        App.StartClockAt(new DateTime(2026, 11, 20, 9, 0, 0));
        await base.InitializeAsync();
        // The morning's reminder run, so the unit's reporter finds a notification under the bell.
        await App.RunJobAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ReportBrowserTests(ReportBrowserFixture browser) : BrowserTest(browser), IClassFixture<ReportBrowserFixture>
{
    [Fact]
    public async Task A_unit_reporter_submits_the_yearly_report_and_the_board_shows_it_on_time()
    {
        var page = await browser.SignedInPageAsync("donvi@camtan.vn");
        await Expect(page.Locator("#notification-count")).ToContainTextAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thông báo (1 chưa đọc)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = "[Nhắc hạn] Báo cáo kết quả xây dựng xã hội học tập năm 2026: còn 10 ngày" }))
            .ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo của đơn vị" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mở Báo cáo kết quả xây dựng xã hội học tập của Trường THCS Cẩm Tân" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo kết quả xây dựng xã hội học tập năm 2026");
        await Expect(page.Locator(".report-status")).ToHaveTextAsync("Chưa nộp");

        await page.FillAsync("#report-text", "Năm 2026 nhà trường tổ chức 10 chuyên đề bồi dưỡng thường xuyên; thư viện mở cửa cả tuần.");
        await page.ClickAsync("#report-submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp", Exact = true }).ClickAsync();
        await Expect(page.Locator(".report-status")).ToHaveTextAsync("Đã nộp đúng hạn");
        await Expect(page.Locator("#report-submit")).ToHaveCountAsync(0);
        await Screens.KeepAsync(page, "report", fullPage: true);

        var committee = await browser.SignedInPageAsync("bcd@camtan.vn");
        await committee.GetByRole(AriaRole.Link, new() { Name = "Tiến độ báo cáo" }).ClickAsync();
        var row = committee.Locator("#board-table tbody tr").Filter(new() { HasText = "Trường THCS Cẩm Tân" });
        await Expect(row).ToContainTextAsync("Đã nộp đúng hạn");
        await Expect(row).ToContainTextAsync("20/11/2026");
        await Expect(committee.Locator("#board-summary")).ToContainTextAsync("Đúng hạn: 1");
        await Expect(committee.Locator("#board-summary")).ToContainTextAsync("còn 10 ngày");
        await Screens.KeepAsync(committee, "board", fullPage: true);
    }

    [Fact]
    public async Task Administrator_sees_that_e_mail_is_off_edits_a_deadline_with_clear_messages_and_reads_the_reminder_log()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/dang-nhap");
        await page.FillAsync("#email", "admin@camtan.vn");
        await page.FillAsync("#password", "Quan-tri-xa-2026");
        await page.ClickAsync("#sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hạn báo cáo" }).ClickAsync();
        await Expect(page.Locator("#email-note")).ToContainTextAsync("E-mail đang tắt vì chưa đặt máy chủ SMTP (cài đặt Smtp:Host)");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Báo cáo của Ban chỉ đạo gửi cấp trên" })).ToContainTextAsync("05/12 hằng năm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sửa Đăng ký danh hiệu học tập" }).ClickAsync();
        await page.FillAsync("#deadline-day", "30");
        await page.FillAsync("#deadline-month", "2");
        await page.FillAsync("#deadline-offsets", "14, -1");
        await page.ClickAsync("#deadline-save");
        await Expect(page.Locator("#deadline-error")).ToContainTextAsync("Ngày 30/02 không có trong năm.");
        await Expect(page.Locator("#deadline-error")).ToContainTextAsync("Số ngày nhắc trước hạn không được âm");
        await page.FillAsync("#deadline-day", "29");
        await page.FillAsync("#deadline-offsets", "14, 7, 0");
        await page.ClickAsync("#deadline-save");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Đăng ký danh hiệu học tập" })).ToContainTextAsync("29/02 hằng năm");
        await Screens.KeepAsync(page, "deadlines", fullPage: true);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nhật ký nhắc việc" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trần Văn Nam" });
        await Expect(row).ToContainTextAsync("Nhắc trước hạn");
        await Expect(row).ToContainTextAsync("Trong phần mềm");
        await Expect(row).ToContainTextAsync("Đã gửi");
        await Screens.KeepAsync(page, "log", fullPage: true);
    }
}
