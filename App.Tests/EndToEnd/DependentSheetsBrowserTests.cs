using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The committee issues a GĐHT decision in the browser; without anyone opening the clan's sheet, the DHHT list, the
// DHHT decision picker and the sheet itself agree that the clan now meets its criteria.
[Collection(BrowserCollection.Name)]
public sealed class DependentSheetsBrowserTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task After_a_GDHT_decision_the_clan_list_picker_and_sheet_agree()
    {
        var app = browser.App;
        int year;
        using (var scope = app.Services.CreateScope())
        {
            year = scope.ServiceProvider.GetRequiredService<WorkingYear>().Year;
        }
        var households = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            households.Add(await app.AddHouseholdAsync("T02", $"Kiều Văn Bốn{i}"));
        }
        int clanId;
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            clanId = await scope.ServiceProvider.GetRequiredService<ClanService>()
                .SaveAsync(new ClanForm { Name = "Dòng họ Kiều", HeadName = "Kiều Văn Trưởng", HouseholdIds = households });
        }
        var clanSheet = await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.ClanLearning, SubjectKind.Clan, clanId, "Dòng họ Kiều", year));
        var before = await app.EvaluationAsync(clanSheet);
        Assert.False(before.MeetsCriteria);
        var t02 = await app.VillageIdAsync("T02");
        foreach (var household in households.Take(4))
        {
            await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.FamilyLearning, SubjectKind.Household, household, $"Hộ Kiều {household}", year, t02));
        }

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "bcd@camtan.vn", AppFactory.DemoPassword, "/quyet-dinh/moi");
        await Expect(page.Locator("tr.candidate")).ToHaveCountAsync(4);
        await page.ClickAsync("#select-all");
        await Expect(page.Locator("#selected-count")).ToContainTextAsync("Đã chọn 4 / 4 hồ sơ đạt");
        await page.FillAsync("#decision-number", "77");
        await page.FillAsync("#decision-signer", "Trịnh Văn Chủ");
        await page.ClickAsync("#issue-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Quyết định số 77/QĐ-UBND");

        var after = await app.EvaluationAsync(clanSheet);
        Assert.True(after.MeetsCriteria);
        var total = $"{Points.FromTenths(after.TotalTenths)} điểm";

        // The DHHT list shows the new total.
        await page.GotoAsync(browser.BaseUrl + "/cham-diem");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Dòng họ học tập" }).ClickAsync();
        await page.ClickAsync("[data-chip=all]");
        await Expect(page.Locator("#registrations-grid tr", new() { HasText = "Dòng họ Kiều" })).ToContainTextAsync(total);

        // The DHHT picker offers the clan as meeting its criteria.
        await page.GotoAsync(browser.BaseUrl + "/quyet-dinh/moi");
        await page.Locator("#decision-title").Locator("xpath=..").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Dòng họ học tập" }).ClickAsync();
        var row = page.Locator($"tr.candidate[data-evaluation='{clanSheet}']");
        await Expect(row).ToContainTextAsync(Points.FromTenths(after.TotalTenths).ToString());
        await Expect(row.Locator("input[type=checkbox]")).ToBeEnabledAsync();

        // The sheet shows the same result and why it changed.
        await page.GotoAsync(browser.BaseUrl + $"/cham-diem/{before.RegistrationId}");
        await Expect(page.Locator("[data-item='2.1'] .computed-figure")).ToContainTextAsync("(4/5)");
        await page.GetByText("Lịch sử (").ClickAsync();
        await Expect(page.GetByText("Tính lại theo số liệu").First).ToBeVisibleAsync();
        await Screens.KeepAsync(page, "dependent-clan", fullPage: true);
    }
}
