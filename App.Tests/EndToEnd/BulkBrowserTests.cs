using System.Diagnostics;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

public sealed class BulkBrowserFixture : BrowserFixture
{
    public const int Households = 3_200;

    public BulkBrowserFixture() => App.Settings["Scoring:RegistrationCloses"] = "31/12";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Thôn Tân Hòa (T01) is one of the scorer's two villages; Thôn Tân Thành (T02) gets a few for the phone screens.
        await App.AddHouseholdsAsync(await App.VillageIdAsync("T01"), Households);
        await App.AddHouseholdsAsync(await App.VillageIdAsync("T02"), 25, i => "Điện Thoại " + BulkTestData.Name(i));
    }

    public async Task<IPage> PageAsync(string email, int width, int height = 900)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 600, HasTouch = width < 600,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, AppFactory.DemoPassword, "/cham-diem");
        return page;
    }
}

[Collection(BrowserCollection.Name)]
public sealed class BulkBrowserTests(BulkBrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser), IClassFixture<BulkBrowserFixture>
{
    // The app's year (its clock starts on AppFactory.ClockStart), not the year the tests happen to run in.
    private static readonly int Year = AppFactory.ClockStart.Year;

    // What the person sees (the viewport): a dialog sits over a page that may be much longer.
    private static Task ShotAsync(IPage page, string name) => Screens.KeepAsync(page, name);

    // A scorer registers every household of a 3.200-household village in one action; the committee approves the
    // 3.000 sheets that meet the criteria in one action. Screens are photographed at 1366 px and 390 px.
    [Fact]
    public async Task Scorer_registers_a_whole_village_and_the_committee_approves_its_sheets_in_one_action_each()
    {
        var year = Year.ToString();
        var page = await browser.PageAsync("canbo@camtan.vn", 1366);
        var watch = Stopwatch.StartNew();
        await page.ClickAsync("#register-subjects");
        await Expect(page.Locator("#register-window")).ToContainTextAsync($"Hạn đăng ký danh hiệu năm {year}: 31/12/{year}");
        await Expect(page.Locator("#register-window")).ToContainTextAsync("Bạn đăng ký được hộ và người dân của Thôn Tân Hòa, Thôn Tân Thành.");
        await Expect(page.Locator("#register-total")).ToContainTextAsync("3.225 hộ");
        output.WriteLine($"Mở hộp thoại đăng ký (3.225 hộ chưa đăng ký): {watch.ElapsedMilliseconds} ms");
        await ShotAsync(page, "register-dialog-1366");

        await Choose.OptionAsync(page, "#register-village", "Thôn Tân Hòa");
        await Expect(page.Locator("#register-total")).ToContainTextAsync("Chưa đăng ký trong bộ lọc này: 3.200 hộ");
        await Expect(page.Locator("#register-all")).ToHaveTextAsync("Đăng ký tất cả 3.200 hộ");
        await page.ClickAsync("#register-all");
        await Expect(page.Locator("#register-all-preview")).ToHaveTextAsync($"Sẽ đăng ký 3.200 hộ của Thôn Tân Hòa cho danh hiệu Gia đình học tập năm {year}.");
        await ShotAsync(page, "register-all-confirm-1366");
        watch.Restart();
        await page.ClickAsync("#register-all-confirm");
        await Expect(page.GetByText("Đã đăng ký 3.200 đối tượng.")).ToBeVisibleAsync();
        output.WriteLine($"Đăng ký tất cả 3.200 hộ (bấm xác nhận → thông báo): {watch.ElapsedMilliseconds} ms");
        await ShotAsync(page, "registrations-1366");

        List<int> registrations;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var t01 = await browser.App.VillageIdAsync("T01");
            registrations = await db.Set<Registration>().Where(r => r.VillageId == t01 && r.Year == Year && r.Title == Title.FamilyLearning)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        }
        Assert.Equal(BulkBrowserFixture.Households, registrations.Count);

        // The scorer's phone: the other village, a search typed without diacritics, then "register all" of the search.
        var phone = await browser.PageAsync("canbo@camtan.vn", 390, 844);
        await phone.ClickAsync("#register-subjects");
        await Choose.OptionAsync(phone, "#register-village", "Thôn Tân Thành");
        await Expect(phone.Locator("#register-total")).ToContainTextAsync("25 hộ");
        await ShotAsync(phone, "register-dialog-390");
        await phone.Locator("#candidate-search").FillAsync("dien thoai nguyen van h");
        await Expect(phone.Locator("#register-total")).ToContainTextAsync(": 2 hộ");
        await phone.ClickAsync("#register-all");
        await Expect(phone.Locator("#register-all-preview")).ToHaveTextAsync(
            $"Sẽ đăng ký 2 hộ của Thôn Tân Thành có tên khớp \"dien thoai nguyen van h\" cho danh hiệu Gia đình học tập năm {year}.");
        await ShotAsync(phone, "register-all-confirm-390");
        await phone.ClickAsync("#register-all-back");
        await phone.Locator(".mud-checkbox", new() { HasText = "Hộ Điện Thoại Nguyễn Văn Hạnh (T02-0007)" }).Locator("input").CheckAsync();
        await Expect(phone.Locator("#register-save")).ToHaveTextAsync("Đăng ký 1 đối tượng");
        await phone.ClickAsync("#register-save");
        await Expect(phone.GetByText("Đã đăng ký 1 đối tượng.")).ToBeVisibleAsync();

        // The scorers have scored: 3.000 sheets meet the criteria, 200 do not.
        await browser.App.AddEvaluationsAsync(registrations.Select((id, i) => (id, EvaluationStatus.Submitted, i % 16 != 0, i % 16 != 0 ? 850 : 600)).ToList());

        var committee = await browser.PageAsync("bcd@camtan.vn", 1366);
        await committee.ClickAsync("#bulk-review");
        await Expect(committee.Locator("#bulk-count")).ToContainTextAsync($"Có 3.000 hồ sơ \"Đã chấm\" đạt tiêu chí danh hiệu Gia đình học tập năm {year}.");
        await Choose.OptionAsync(committee, "#bulk-village", "Thôn Tân Hòa");
        await Expect(committee.Locator("#bulk-count")).ToContainTextAsync($"năm {year}, Thôn Tân Hòa.");
        await Expect(committee.Locator("#bulk-sample tbody tr")).ToHaveCountAsync(10);
        await Expect(committee.Locator("#bulk-sample")).ToContainTextAsync("85");
        await Expect(committee.Locator("#bulk-apply")).ToHaveTextAsync("Duyệt 3.000 hồ sơ");
        await committee.Locator("#bulk-reason").FillAsync("Hội đồng xét duyệt họp ngày 05/12");
        await ShotAsync(committee, "bulk-review-1366");
        watch.Restart();
        await committee.ClickAsync("#bulk-apply");
        await Expect(committee.Locator("#bulk-result")).ToHaveTextAsync("Đã duyệt 3.000 hồ sơ.");
        output.WriteLine($"Duyệt 3.000 hồ sơ (bấm → kết quả): {watch.ElapsedMilliseconds} ms");
        await Expect(committee.Locator("#bulk-apply")).ToHaveTextAsync("Duyệt 0 hồ sơ");
        await ShotAsync(committee, "bulk-review-done-1366");
        await committee.ClickAsync("#bulk-close");

        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var sheets = await db.Set<Evaluation>().Where(e => registrations.Contains(e.RegistrationId)).GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(3_000, sheets.Single(s => s.Key == EvaluationStatus.Reviewed).Count);
            Assert.Equal(200, sheets.Single(s => s.Key == EvaluationStatus.Submitted).Count);
            Assert.Equal(3_000, await db.Set<EvaluationAudit>().CountAsync(a => a.Reason == "Hội đồng xét duyệt họp ngày 05/12" && a.New == "Đã duyệt" && a.By == "bcd@camtan.vn"));
        }

        // The committee's phone: return the 200 that do not meet the criteria, with the reason required.
        var committeePhone = await browser.PageAsync("bcd@camtan.vn", 390, 844);
        // The committee's list opens on its own queue (Chờ duyệt); "Tất cả" shows the reviewed ones too.
        await committeePhone.ClickAsync("[data-chip=all]");
        await Expect(committeePhone.Locator("#registrations-grid")).ToContainTextAsync("Đã duyệt");
        await ShotAsync(committeePhone, "registrations-390");
        await committeePhone.ClickAsync("#bulk-review");
        await committeePhone.GetByText("Trả lại (Đã chấm → Nháp)").ClickAsync();
        await committeePhone.GetByText("Hồ sơ chưa đạt tiêu chí").ClickAsync();
        await Expect(committeePhone.Locator("#bulk-apply")).ToHaveTextAsync("Trả lại 200 hồ sơ");
        await committeePhone.ClickAsync("#bulk-apply");
        await Expect(committeePhone.GetByText("Hãy ghi lý do trả lại hồ sơ.")).ToBeVisibleAsync();
        await committeePhone.Locator("#bulk-reason").FillAsync("Chấm lại nhóm 3 theo minh chứng mới");
        await ShotAsync(committeePhone, "bulk-return-390");
        await committeePhone.ClickAsync("#bulk-apply");
        await Expect(committeePhone.Locator("#bulk-result")).ToHaveTextAsync("Đã trả lại 200 hồ sơ.");
        var overflow = await committeePhone.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"Trang rộng hơn màn hình {overflow}px");
        await ShotAsync(committeePhone, "bulk-return-done-390");
    }
}
