using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Tests.Features.Deadlines;
using HocTapSuotDoi.Tests.Features.PlanTasks;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The demo commune on 05/01/2026 with an in-process SMTP server, on a real port, in Chromium.
public sealed class MoneyBrowserFixture : BrowserFixture<SmtpApp>
{
    public override Task InitializeAsync()
    {
        App.StartClockAt(new DateTime(2026, 1, 5, 9, 0, 0));
        return base.InitializeAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class MoneyBrowserTests(MoneyBrowserFixture browser) : BrowserTest(browser), IClassFixture<MoneyBrowserFixture>
{
    [Fact]
    public async Task A_task_goes_overdue_and_its_owner_is_reminded_once_in_app_and_by_email()
    {
        await PlanTaskReminderTests.SetOwnerAsync(browser.App, "vii2-so-ket", "canbo@camtan.vn");
        await browser.App.RunJobAsync();
        await browser.App.RunJobAsync();

        var owner = await browser.SignedInPageAsync("canbo@camtan.vn", then: "/thong-bao");
        await Expect(owner.GetByText("Nhiệm vụ quá hạn (VII.2)")).ToHaveCountAsync(1);
        Assert.Single(browser.App.Smtp!.Messages, m => m.To.Mailboxes.Any(a => a.Address == "canbo@camtan.vn") && (m.Subject ?? "").StartsWith("Nhiệm vụ quá hạn (VII.2)"));

        var committee = await browser.SignedInPageAsync("bcd@camtan.vn", then: "/tien-do-bao-cao");
        var row = committee.Locator("#overdue-tasks tr.overdue-task").Filter(new() { HasText = "VII.2" });
        await Expect(row).ToContainTextAsync("31/12/2025");
        await Expect(row).ToContainTextAsync("05/01/2026");
    }

    [Fact]
    public async Task An_accountant_records_a_fund_payment_and_the_balance_updates()
    {
        var page = await browser.SignedInPageAsync(DemoFundingSeeder.AccountantEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Quỹ khuyến học" }).ClickAsync();
        await Expect(page.Locator("#fund-balance")).ToHaveTextAsync("63.800.000 đ");
        await page.ClickAsync("#add-payment");
        await page.FillAsync("#fund-voucher", "PC09/2026");
        await page.FillAsync("#fund-party", "Em Đinh Văn Tú");
        await page.FillAsync("#fund-content", "Học bổng học kỳ I");
        await page.FillAsync("#fund-amount", "1250000");
        await page.ClickAsync("#save-fund");
        await Expect(page.Locator("#fund-balance")).ToHaveTextAsync("62.550.000 đ");
        await Expect(page.Locator("#fund-entries tr.fund-entry").Filter(new() { HasText = "Em Đinh Văn Tú" })).ToContainTextAsync("−1.250.000 đ");
        await Expect(page.Locator("#fund-entries tr.fund-entry").Filter(new() { HasText = "Em Đinh Văn Tú" })).ToContainTextAsync("05/01/2026");

        // More than the source holds is refused, in Vietnamese, and the balance stays.
        await page.ClickAsync("#add-payment");
        await page.FillAsync("#fund-party", "Em Đinh Văn Tú");
        await page.FillAsync("#fund-content", "Học bổng toàn khóa");
        await page.FillAsync("#fund-amount", "900000000");
        await page.ClickAsync("#save-fund");
        await Expect(page.Locator("#fund-error")).ToContainTextAsync("Số chi vượt số dư quỹ nguồn “Tài trợ”");
    }

    // The payment is matched by a receipt of the same amount and day, so the year's balance the other tests read stays.
    [Fact]
    public async Task A_scholarship_is_linked_to_a_learner_from_the_dialog_and_shows_on_the_households_page()
    {
        var householdId = await browser.App.AddHouseholdAsync("T01", "Đinh Văn Cha", ("Đinh Thị Học", HocTapSuotDoi.Features.Households.Sex.Female, 2009,
            HocTapSuotDoi.Features.Households.Relation.Child));
        await using (var scope = await browser.App.AsUserAsync("admin@camtan.vn"))
        {
            await scope.ServiceProvider.GetRequiredService<FundingService>().SaveEntryAsync(new FundEntryForm
            {
                Kind = FundEntryKind.Receipt, Year = 2026, Date = new DateTime(2026, 1, 5),
                Details = new()
                {
                    Purpose = FundPurpose.Receipt, Source = FundingSource.Sponsorship, Party = "Công ty Cổ phần Tân Tiến", Content = "Tài trợ học bổng", Amount = 2_000_000,
                },
            });
        }
        var page = await browser.SignedInPageAsync(DemoFundingSeeder.AccountantEmail, then: "/quy-khuyen-hoc");
        await page.ClickAsync("#add-payment");
        await page.GetByLabel("Tìm theo tên hoặc mã hộ (gõ không dấu cũng được)").PressSequentiallyAsync("dinh thi hoc");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Đinh Thị Học – Thôn Tân Hòa – sinh năm 2009" }).ClickAsync();
        await Expect(page.Locator("#fund-party")).ToHaveValueAsync("Đinh Thị Học");
        await page.FillAsync("#fund-voucher", "PC10/2026");
        await page.FillAsync("#fund-content", "Học bổng “Vượt khó học tốt”");
        await page.FillAsync("#fund-amount", "2000000");
        await page.ClickAsync("#save-fund");
        var row = page.Locator("#fund-entries tr.fund-entry").Filter(new() { HasText = "PC10/2026" });
        await Expect(row.Locator(".fund-link")).ToHaveTextAsync("Trong sổ: Đinh Thị Học");
        await Expect(row).ToContainTextAsync("(Thôn Tân Hòa)");

        await page.GotoAsync($"{browser.BaseUrl}/ho-gia-dinh/{householdId}");
        var entry = page.Locator("#household-fund .household-fund-entry");
        await Expect(entry).ToContainTextAsync("05/01/2026 · Học bổng · Đinh Thị Học");
        await Expect(entry).ToContainTextAsync("2.000.000 đ");
    }

    [Fact]
    public async Task A_viewer_reads_money_records_but_cannot_change_them_and_others_cannot_open_them()
    {
        var viewer = await browser.SignedInPageAsync("xem@camtan.vn", then: "/quy-khuyen-hoc");
        await Expect(viewer.Locator("#fund-entries tr.fund-entry").First).ToBeVisibleAsync();
        await Expect(viewer.Locator("#add-payment")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#add-receipt")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("button[aria-label^='Sửa khoản'], button[aria-label^='Xóa khoản']")).ToHaveCountAsync(0);
        await viewer.GotoAsync(browser.BaseUrl + "/tai-chinh");
        await Expect(viewer.Locator("#budget-lines")).ToContainTextAsync("Kinh phí hoạt động của Ban chỉ đạo");
        await Expect(viewer.Locator("#add-budget")).ToHaveCountAsync(0);
        var xlsx = await viewer.Context.APIRequest.GetAsync(browser.BaseUrl + "/tai-chinh/2026/quyet-toan.xlsx");
        Assert.Equal(200, xlsx.Status);

        var unit = await browser.SignedInPageAsync("donvi@camtan.vn", then: "/quy-khuyen-hoc");
        await Expect(unit.GetByText("Bạn không có quyền truy cập trang này")).ToBeVisibleAsync();
        await Expect(unit.Locator("#fund-entries")).ToHaveCountAsync(0);
        var refused = await unit.Context.APIRequest.GetAsync(browser.BaseUrl + "/tai-chinh/2026/quyet-toan.xlsx");
        Assert.Equal(403, refused.Status);
    }
}
