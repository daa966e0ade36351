using Bunit;
using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Tests.Features.Awards;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.Funding;

// A receipt or payment of the khuyến học fund names the register row it went to or came from: the picker finds people
// without diacritics and shows village and birth year; the household's page lists what its family received or gave;
// contributions become award hints. Only administrators and Kế toán change money records, whatever the page shows.
public sealed class FundLinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider);
    }

    private static FundingService Funding(IServiceProvider s) => s.GetRequiredService<FundingService>();

    private static FundEntryForm Entry(FundEntryKind kind, DateTime date, long amount, string party) => new()
    {
        Kind = kind, Year = date.Year, Date = date,
        Details = new()
        {
            Purpose = kind == FundEntryKind.Receipt ? FundPurpose.Receipt : FundPurpose.Scholarship, Source = FundingSource.Contribution,
            Party = party, Content = kind == FundEntryKind.Receipt ? "Đóng góp Quỹ khuyến học" : "Học bổng vượt khó", Amount = amount,
        },
    };

    private async Task<int> PersonIdAsync(int householdId, string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.People.Where(p => p.HouseholdId == householdId && p.FullName == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task A_scholarship_is_linked_to_a_learner_found_without_diacritics_and_shows_on_the_households_page()
    {
        var householdId = await app.AddHouseholdAsync("T01", "Đinh Văn Bố", ("Đinh Văn Tú", Sex.Male, 2010, Relation.Child));
        var found = await AsAsync(DemoFundingSeeder.AccountantEmail, s => Funding(s).SearchLinksAsync(FundLinkKind.Person, "dinh van tu"));
        var tu = Assert.Single(found);
        Assert.StartsWith("Đinh Văn Tú – Thôn Tân Hòa – sinh năm 2010 (hộ T01-", tu.Label);
        Assert.Contains(await AsAsync(DemoFundingSeeder.AccountantEmail, s => Funding(s).SearchLinksAsync(FundLinkKind.Household, "dinh van bo")), h => h.Id == householdId);

        await AsAsync(DemoFundingSeeder.AccountantEmail, s => Funding(s).SaveEntryAsync(Entry(FundEntryKind.Receipt, new DateTime(2027, 3, 1), 5_000_000, "Nhân dân đóng góp")));
        var payment = Entry(FundEntryKind.Payment, new DateTime(2027, 9, 5), 1_500_000, tu.Party);
        FundingService.SetLink(payment, tu);
        await AsAsync(DemoFundingSeeder.AccountantEmail, s => Funding(s).SaveEntryAsync(payment));

        var row = (await AsAsync("xem@camtan.vn", s => Funding(s).FundAsync(2027))).Single(e => e.Kind == FundEntryKind.Payment);
        Assert.Equal((tu.Id, "Đinh Văn Tú"), (row.PersonId, row.LinkName));
        Assert.Equal("Thôn Tân Hòa", row.VillageName);
        // The household's page, for a scorer of the village; not for one outside it.
        var family = Assert.Single(await AsAsync("canbo@camtan.vn", s => Funding(s).ForHouseholdAsync(householdId)));
        Assert.Equal((FundPurpose.Scholarship, "Đinh Văn Tú", 1_500_000L), (family.Purpose, family.PersonName, family.Amount));
        var outside = await app.AddHouseholdAsync("T05", "Đinh Văn Xa");
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => Funding(s).ForHouseholdAsync(outside)));
    }

    [Fact]
    public async Task Only_those_who_change_money_records_search_the_register_and_one_entry_names_one_row()
    {
        var householdId = await app.AddHouseholdAsync("T02", "Lò Văn Một", ("Lò Thị Hai", Sex.Female, 2011, Relation.Child));
        var viewer = await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => Funding(s).SearchLinksAsync(FundLinkKind.Person, "lo")));
        Assert.Equal(MoneyAccess.ReadOnlyMessage, viewer.Message);
        var linked = Entry(FundEntryKind.Payment, new DateTime(2027, 10, 1), 100_000, "Em Lò Thị Hai");
        linked.PersonId = await PersonIdAsync(householdId, "Lò Thị Hai");
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => Funding(s).SaveEntryAsync(linked)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("bcd@camtan.vn", s => Funding(s).SaveEntryAsync(linked)));

        linked.HouseholdId = householdId;
        var two = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("admin@camtan.vn", s => Funding(s).SaveEntryAsync(linked)));
        Assert.Equal("Mỗi khoản thu, chi chỉ liên kết với một người, một hộ hoặc một đơn vị trong sổ theo dõi.", Assert.Single(two.Errors).ErrorMessage);
        linked.PersonId = null;
        linked.HouseholdId = 987_654;
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("admin@camtan.vn", s => Funding(s).SaveEntryAsync(linked)));
    }

    [Fact]
    public async Task Contributions_to_the_fund_in_the_rounds_years_are_award_hints_with_their_total()
    {
        var householdId = await app.AddHouseholdAsync("T03", "Bùi Văn Góp");
        int unitId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            unitId = await db.Units.Where(u => u.Code == "THCS").Select(u => u.Id).SingleAsync();
        }
        async Task GiveAsync(DateTime date, long amount, int? household = null, int? unit = null)
        {
            var receipt = Entry(FundEntryKind.Receipt, date, amount, "Người đóng góp");
            receipt.HouseholdId = household;
            receipt.UnitId = unit;
            await AsAsync("admin@camtan.vn", s => Funding(s).SaveEntryAsync(receipt));
        }
        await GiveAsync(new DateTime(2024, 2, 1), 3_000_000, household: householdId);
        await GiveAsync(new DateTime(2025, 2, 1), 2_000_000, household: householdId);
        // Outside the sơ kết's years: not counted.
        await GiveAsync(new DateTime(2026, 2, 1), 9_000_000, household: householdId);
        await GiveAsync(new DateTime(2023, 5, 1), 12_500_000, unit: unitId);

        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);
        var hints = await AsAsync("bcd@camtan.vn", s => s.GetRequiredService<AwardService>().HintsAsync(roundId));
        var family = hints.Single(h => h.Kind == SubjectKind.Household && h.Id == householdId);
        Assert.Equal(5_000_000, family.Contributions);
        Assert.Equal("Bùi Văn Góp", family.Name);
        Assert.Equal("Thôn Tân Lập", family.Village);
        Assert.Equal("Đóng góp Quỹ khuyến học 5.000.000 đ (2023–2025)", family.Reasons);
        Assert.Equal("Đóng góp 5.000.000 đồng cho Quỹ khuyến học xã giai đoạn 2023 - 2025.", family.Achievements);
        Assert.Equal(AwardForm.CommuneCertificate, family.SuggestedForm);
        var school = hints.Single(h => h.Kind == SubjectKind.Unit && h.Id == unitId);
        Assert.Contains("đóng góp Quỹ khuyến học 12.500.000 đ (2023–2025)", school.Reasons, StringComparison.OrdinalIgnoreCase);

        // The hints tab shows the reason as the committee reads it.
        await using (var viewer = await app.AsUserAsync("xem@camtan.vn"))
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();
            ctx.Services.AddSingleton(viewer.ServiceProvider.GetRequiredService<AwardService>());
            var panel = ctx.Render<HintsPanel>(p => p.Add(x => x.RoundId, roundId));
            panel.WaitForAssertion(() => Assert.Contains(panel.FindAll("tr.hint-row"), r => r.TextContent.Contains("Bùi Văn Góp")
                && r.TextContent.Contains("Đóng góp Quỹ khuyến học 5.000.000 đ (2023–2025)")));
            // Typed without diacritics, the name narrows the tab to that family.
            await panel.ChangeOnRendererAsync("#hint-search", "bui van gop");
            panel.WaitForAssertion(() => Assert.Equal(["Bùi Văn Góp"], panel.FindAll("tr.hint-row").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim())));
            Assert.Equal("1 gợi ý", panel.Find("#hint-count").TextContent.Trim());
        }

        // A yearly round counts its own year only.
        var yearly = await app.RoundAsync(AwardRoundKind.Yearly, 2026);
        var next = (await AsAsync("bcd@camtan.vn", s => s.GetRequiredService<AwardService>().HintsAsync(yearly))).Single(h => h.Kind == SubjectKind.Household && h.Id == householdId);
        Assert.Equal("Đóng góp Quỹ khuyến học 9.000.000 đ (năm 2026)", next.Reasons);
    }
}
