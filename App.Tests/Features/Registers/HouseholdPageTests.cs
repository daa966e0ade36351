using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Registers;

// The household form says since when the household is in the register: the date it was typed in, or "already there
// before the register began", which puts it (and the members who came with it) in earlier years' figures.
public sealed class HouseholdPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_household_typed_in_today_shows_its_date_and_ticking_already_there_clears_it()
    {
        int id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var t03 = await db.Villages.Where(v => v.Code == "T03").Select(v => v.Id).SingleAsync();
            await using var admin = await app.AsUserAsync("admin@camtan.vn");
            id = await admin.ServiceProvider.GetRequiredService<HouseholdService>().SaveAsync(new HouseholdForm { VillageId = t03, HeadName = "Ông Ích Khiêm" });
        }
        await _ctx.SignInAsync(app, "admin@camtan.vn");
        _ctx.Render<MudPopoverProvider>();
        var page = _ctx.Render<HouseholdPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal("14/10/2026", page.Find("#household-since").GetAttribute("value")));

        await page.ChangeOnRendererAsync("#household-before input[type=checkbox], input#household-before", true);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#household-since")));
        await page.ClickOnRendererAsync("#household-save");

        await using var check = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await WaitAsync(async () => await check.Households.Where(h => h.Id == id).Select(h => h.ActiveFrom).SingleAsync() is null);
        Assert.Equal([(DateOnly?)null], await check.People.Where(p => p.HouseholdId == id).Select(p => p.ActiveFrom).ToListAsync());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(await condition(), "Hộ chưa được lưu.");
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
