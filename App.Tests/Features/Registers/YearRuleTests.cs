using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

// Year-true figures: a past year's denominators are what existed on 31/12 of that year, so today's register changes
// leave closed years as they were. The app's clock is 14/10/2026 (AppFactory.ClockStart).
public sealed class YearRuleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(YearFigures Y2024, YearFigures Y2026)> FiguresAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.Select(c => c.Id).FirstAsync();
        return (await DashboardQueries.YearAsync(db, commune, 2024), await DashboardQueries.YearAsync(db, commune, 2026));
    }

    private static object Snapshot(YearFigures f) => new
    {
        Titles = string.Join("; ", f.Titles.Select(t => $"{t.Title}:{t.Counts}")),
        Villages = string.Join("; ", f.Villages.Select(v => $"{v.Code}:{v.Households}/{v.People}")),
    }.ToString()!;

    [Fact]
    public async Task Moving_a_household_out_in_2026_and_adding_one_in_2026_leave_every_2024_figure_unchanged()
    {
        // A household of the register from before the app (as an Excel import makes it), with two people.
        int oldHousehold;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var village = await db.Villages.SingleAsync(v => v.Code == "T03");
            var household = new Household
            {
                CommuneId = village.CommuneId, VillageId = village.Id, Code = "T03-9001", HeadName = "Lã Văn Cũ",
                Members = [new Person { FullName = "Lã Văn Cũ", BirthYear = 1960 }, new Person { FullName = "Lã Thị Cũ", BirthYear = 1990 }],
            };
            db.Households.Add(household);
            await db.SaveChangesAsync();
            oldHousehold = household.Id;
        }
        var (before2024, before2026) = await FiguresAsync();

        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
            var detail = await households.GetAsync(oldHousehold);
            await households.ChangeStatusAsync(new StatusForm { Id = oldHousehold, Version = detail.Form.Version, Status = (int)HouseholdStatus.MovedAway, Date = app.Today.ToDateTime(TimeOnly.MinValue) });
        }
        var newHousehold = await app.AddHouseholdAsync("T03", "Lã Văn Mới", ("Lã Thị Mới", Sex.Female, 1995, Relation.Spouse));

        var (after2024, after2026) = await FiguresAsync();
        Assert.Equal(Snapshot(before2024), Snapshot(after2024));
        // This year: one household left and one came; the old one's people left with it.
        Assert.Equal(before2026.For(HocTapSuotDoi.Features.Criteria.Engine.Title.FamilyLearning).Counts.Total,
            after2026.For(HocTapSuotDoi.Features.Criteria.Engine.Title.FamilyLearning).Counts.Total);
        await using var check = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(app.Today, (await check.Households.SingleAsync(h => h.Id == newHousehold)).ActiveFrom);
        Assert.Equal(0, await check.Households.Where(h => h.Id == oldHousehold).ExistingIn(2026).CountAsync());
        Assert.Equal(1, await check.Households.Where(h => h.Id == oldHousehold).ExistingIn(2025).CountAsync());
        Assert.Equal(0, await check.Households.Where(h => h.Id == newHousehold).ExistingIn(2025).CountAsync());
        Assert.Equal(2, await check.People.Where(p => p.HouseholdId == oldHousehold).ExistingIn(2024).CountAsync());
        Assert.Equal(0, await check.People.Where(p => p.HouseholdId == oldHousehold).ExistingIn(2026).CountAsync());
    }

    [Fact]
    public async Task A_unit_closed_in_2026_still_counts_in_2024_and_a_unit_founded_in_2026_does_not()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.Select(c => c.Id).FirstAsync();
        db.Units.AddRange(
            new Unit { CommuneId = commune, Code = "DONG", Name = "Đơn vị đã giải thể", Active = false, ActiveTo = new DateOnly(2026, 7, 1) },
            new Unit { CommuneId = commune, Code = "MOI", Name = "Đơn vị mới thành lập", ActiveFrom = new DateOnly(2026, 3, 1) });
        await db.SaveChangesAsync();
        var names = async (int year) => await db.Units.Where(u => u.CommuneId == commune && (u.Code == "DONG" || u.Code == "MOI")).ExistingIn(year).Select(u => u.Code).ToListAsync();
        Assert.Equal(["DONG"], await names(2024));
        Assert.Equal(["MOI"], await names(2026));
    }
}
