using System.Text.RegularExpressions;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

public sealed class RegistersBrowserFixture : BrowserFixture
{
    public const string AdminPassword = "Quan-tri-xa-2026";
    public int OtherVillageHousehold { get; private set; }

    public RegistersBrowserFixture()
    {
        App.Settings["Admin:Password"] = AdminPassword;
        App.Settings["DemoData:Registers"] = "true";
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.AddHouseholdAsync("T01", "Nguyễn Văn An", ("Nguyễn Văn An", Sex.Male, 1979, Relation.Head), ("Đỗ Thị Đức Hạnh", Sex.Female, 1981, Relation.Spouse));
        OtherVillageHousehold = await App.AddHouseholdAsync("T05", "Lương Văn Xa", ("Lương Văn Xa", Sex.Male, 1966, Relation.Head));
    }
}

[Collection(BrowserCollection.Name)]
public sealed class RegistersBrowserTests(RegistersBrowserFixture browser) : BrowserTest(browser), IClassFixture<RegistersBrowserFixture>
{
    // A name of the register that has diacritics, typed without them, must be found (search done by the database).
    [Fact]
    public async Task Search_without_diacritics_finds_people_in_the_real_browser()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var name = await db.People.Where(p => p.FullName != p.FullNameSearch && p.Status == PersonStatus.Living)
            .OrderBy(p => p.Id).Select(p => p.FullName).FirstAsync();
        var typed = VietnameseText.SearchKey(name);
        var matches = await db.People.CountAsync(p => p.FullNameSearch.Contains(typed));

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "bcd@camtan.vn", AppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhân khẩu" }).ClickAsync();
        await page.Locator("#register-search").FillAsync(typed);
        await Expect(page.Locator("#people-grid")).ToContainTextAsync($"1–{Math.Min(matches, 25)} trong {matches}");
        await Expect(page.Locator("#people-grid")).ToContainTextAsync(name);

        await page.Locator("#register-search").FillAsync("DUC HANH");
        await Expect(page.Locator("#people-grid")).ToContainTextAsync("1–1 trong 1");
        await Expect(page.Locator("#people-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#people-grid tbody tr")).ToContainTextAsync("Đỗ Thị Đức Hạnh");
        await Screens.KeepAsync(page, "search");
    }

    [Fact]
    public async Task Household_list_pages_and_shows_the_Vietnamese_pager()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "xem@camtan.vn", AppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Hộ gia đình" }).ClickAsync();
        await Expect(page.Locator("#households-grid")).ToContainTextAsync("Số dòng mỗi trang:");
        await Expect(page.Locator("#households-grid")).ToContainTextAsync(new Regex("1–[0-9]+ trong [0-9]+"));
        await page.Locator("#register-search").FillAsync("nguyen van an");
        await Expect(page.Locator("#households-grid")).ToContainTextAsync("Nguyễn Văn An");
    }

    [Fact]
    public async Task Scorer_opening_another_villages_household_by_url_is_refused()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, $"/ho-gia-dinh/{browser.OtherVillageHousehold}");
        await Expect(page.GetByText("Bạn không có quyền truy cập trang này")).ToBeVisibleAsync();
        await Expect(page.Locator("#forbidden-detail")).ToContainTextAsync("Không tìm thấy trong phạm vi của bạn");
        await Expect(page.GetByText("Lương Văn Xa")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Scorer_adds_a_household_and_a_member_in_their_village_over_a_slow_link()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword);
        // A commune office on a poor mobile link: every message of the app reaches the page 400 ms late.
        await ScoringBrowserFixture.DelayServerMessagesAsync(page, TimeSpan.FromMilliseconds(400));
        await page.GotoAsync($"{browser.BaseUrl}/ho-gia-dinh/moi");
        await Choose.OptionAsync(page, "#household-village", "Thôn Tân Thành");
        await page.FillAsync("#household-head", "Vũ Văn Mới");
        await page.ClickAsync("#household-save");
        await Expect(page).ToHaveURLAsync(new Regex("/ho-gia-dinh/[0-9]+$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("T02-");

        await page.ClickAsync("#add-member");
        await page.FillAsync("#person-name", "Lê Thị Mới");
        await page.FillAsync("#person-year", "1987");
        await Choose.OptionAsync(page, "#person-sex", "Nữ");
        await Choose.OptionAsync(page, "#person-relation", "Vợ/Chồng");
        await page.ClickAsync("#person-save");
        await Expect(page.Locator("#members-table")).ToContainTextAsync("Lê Thị Mới");
        await Expect(page.Locator("#members-table")).ToContainTextAsync("1987");

        // Saved as typed and chosen, in the household just made.
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var member = await db.People.Include(p => p.Household).SingleAsync(p => p.FullName == "Lê Thị Mới");
        Assert.Equal((1987, Sex.Female, Relation.Spouse), (member.BirthYear, member.Sex, member.Relation));
        Assert.Equal("Vũ Văn Mới", member.Household!.HeadName);
        Assert.StartsWith("T02-", member.Household.Code, StringComparison.Ordinal);
    }

    // "Nguyễn Văn Ân" is not "Nguyễn Văn An" (of the fixture, same village): a warning, then "Vẫn lưu" saves it.
    [Fact]
    public async Task A_head_name_differing_only_in_diacritics_is_saved_after_Vẫn_lưu()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin@camtan.vn", RegistersBrowserFixture.AdminPassword, "/ho-gia-dinh/moi");
        await Choose.OptionAsync(page, "#household-village", "Thôn Tân Hòa");
        await page.FillAsync("#household-head", "Nguyễn Văn Ân");
        await page.ClickAsync("#household-save");
        await Expect(page.Locator("#household-similar")).ToContainTextAsync("Nguyễn Văn An (mã T01-");
        await Expect(page).ToHaveURLAsync(new Regex("/ho-gia-dinh/moi$"));

        await page.GetByLabel("Vẫn lưu: đây là hộ khác").CheckAsync();
        await page.ClickAsync("#household-save");
        await Expect(page).ToHaveURLAsync(new Regex("/ho-gia-dinh/[0-9]+$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Hộ Nguyễn Văn Ân (T01-");
    }

    [Fact]
    public async Task Missing_member_fields_show_Vietnamese_messages_in_the_dialog()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin@camtan.vn", RegistersBrowserFixture.AdminPassword, $"/ho-gia-dinh/{browser.OtherVillageHousehold}");
        await page.ClickAsync("#add-member");
        await page.FillAsync("#person-name", "Xa");
        await page.ClickAsync("#person-save");
        await Expect(page.Locator("#person-error")).ToContainTextAsync("Hãy nhập đủ họ và tên");
        await Expect(page.Locator("#person-error")).ToContainTextAsync("Hãy nhập ngày sinh hoặc năm sinh.");
    }
}
