using System.Text.RegularExpressions;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

public sealed class ScoringBrowserFixture : BrowserFixture
{
    public ScoringBrowserFixture() => App.Settings["Scoring:RegistrationCloses"] = "31/12";

    public async Task<int> RegisteredHouseholdAsync(string head)
    {
        var householdId = await App.AddHouseholdAsync("T01", head);
        await using var scope = await App.AsUserAsync("canbo@camtan.vn");
        await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, DateTime.UtcNow.Year, [householdId]);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Registration>().Where(r => r.SubjectId == householdId && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
    }
}

[Collection(AppCollection.Name)]
public sealed class ScoringBrowserTests(ScoringBrowserFixture browser) : IClassFixture<ScoringBrowserFixture>
{
    private static ILocator Row(IPage page, string code) => page.Locator($".score-row[data-item='{code}']");

    [Fact]
    public async Task Scorer_scores_a_household_with_the_keyboard_only_and_the_committee_reviews_it()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Phím");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký, chấm điểm" }).ClickAsync();
        await page.Locator("#register-search").FillAsync("ta van phim");
        await page.GetByText("Hộ Tạ Văn Phím").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cham-diem/{registrationId}$"));

        // 1.1 is met/not met: Space selects "Đạt", Enter goes on; points are typed and Enter goes on.
        await Row(page, "1.1").Locator("input[type=radio]").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        var scores = new[] { "9", "8,5", "9", "8", "9", "5", "4", "4", "4,5", "8", "4", "5" };
        foreach (var score in scores)
        {
            await page.Keyboard.TypeAsync(score);
            await page.Keyboard.PressAsync("Enter");
        }
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Đã lưu lúc");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("88/100");
        await Expect(page.Locator("#score-verdict")).ToContainTextAsync("Được công nhận");
        await Expect(page.Locator("#submit-evaluation")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#evaluation-status")).ToHaveTextAsync("Đã chấm");

        var committee = await browser.NewPageAsync();
        await browser.SignInAsync(committee, "bcd@camtan.vn", AppFactory.DemoPassword);
        await committee.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Expect(committee.Locator("#score-total")).ToHaveTextAsync("88/100");
        await committee.ClickAsync("#review-evaluation");
        await Expect(committee.Locator("#evaluation-status")).ToHaveTextAsync("Đã duyệt");
    }

    [Fact]
    public async Task Closing_the_browser_mid_scoring_loses_nothing_already_entered()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Đóng");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Row(page, "1.2").Locator("input").First.FillAsync("7,5");
        await page.Keyboard.PressAsync("Enter");
        await Row(page, "1.3").Locator("input").First.FillAsync("6");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("Đã lưu lúc");
        await Row(page, "2.1").Locator("input").First.FillAsync("3");
        await page.Context.CloseAsync();

        var again = await browser.NewPageAsync();
        await browser.SignInAsync(again, "canbo@camtan.vn", AppFactory.DemoPassword);
        await again.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Expect(Row(again, "1.2").Locator("input").First).ToHaveValueAsync("7,5");
        await Expect(Row(again, "1.3").Locator("input").First).ToHaveValueAsync("6");
        await Expect(again.Locator("#score-total")).ToHaveTextAsync("13,5/100");
    }

    [Fact]
    public async Task An_out_of_range_score_shows_a_Vietnamese_message_and_is_not_saved()
    {
        var registrationId = await browser.RegisteredHouseholdAsync("Tạ Văn Quá");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        await page.GotoAsync($"{browser.BaseUrl}/cham-diem/{registrationId}");
        await Row(page, "1.2").Locator("input").First.FillAsync("7,3");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Row(page, "1.2").Locator(".item-error")).ToHaveTextAsync("Tiêu chí 1.2: điểm phải là bội số của 0,5.");
        await Expect(page.Locator("#score-total")).ToHaveTextAsync("0/100");
    }
}
