using HocTapSuotDoi.Tests.Features.Deadlines;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The app on a real port with its clock fixed at 20/11/2026 09:00 (ten days before the units' due date), and Chromium.
public sealed class ReportBrowserFixture : IAsyncLifetime
{
    public ClockedApp App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        App.StartClockAt(new DateTime(2026, 11, 20, 9, 0, 0));
        App.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        // The morning's reminder run, so the unit's reporter finds a notification under the bell.
        await App.RunJobAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/dang-nhap");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", AppFactory.DemoPassword);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator(".app-title")).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[Collection(AppCollection.Name)]
public sealed class ReportBrowserTests(ReportBrowserFixture browser) : IClassFixture<ReportBrowserFixture>
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
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo năm" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mở Báo cáo kết quả xây dựng xã hội học tập của Trường THCS Cẩm Tân" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo kết quả xây dựng xã hội học tập năm 2026");
        await Expect(page.Locator(".report-status")).ToHaveTextAsync("Chưa nộp");

        await page.FillAsync("#report-text", "Năm 2026 nhà trường tổ chức 10 chuyên đề bồi dưỡng thường xuyên; thư viện mở cửa cả tuần.");
        await page.ClickAsync("#report-submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp", Exact = true }).ClickAsync();
        await Expect(page.Locator(".report-status")).ToHaveTextAsync("Đã nộp đúng hạn");
        await Expect(page.Locator("#report-submit")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "hoctap-report.png"), FullPage = true });

        var committee = await browser.SignedInPageAsync("bcd@camtan.vn");
        await committee.GetByRole(AriaRole.Link, new() { Name = "Tiến độ báo cáo" }).ClickAsync();
        var row = committee.Locator("#board-table tbody tr").Filter(new() { HasText = "Trường THCS Cẩm Tân" });
        await Expect(row).ToContainTextAsync("Đã nộp đúng hạn");
        await Expect(row).ToContainTextAsync("20/11/2026");
        await Expect(committee.Locator("#board-summary")).ToContainTextAsync("Đúng hạn: 1");
        await Expect(committee.Locator("#board-summary")).ToContainTextAsync("còn 10 ngày");
        await committee.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "hoctap-board.png"), FullPage = true });
    }
}
