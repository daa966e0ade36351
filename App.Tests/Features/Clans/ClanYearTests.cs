using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Clans;

// A clan counts in a year while one of its member households is in the register on 31/12 (YearRule): the dashboard,
// its trend and the commune sheet's clan rate use that one rule. This class has its own database.
public sealed class ClanYearTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_clan_whose_households_all_moved_away_leaves_the_commune_figures_from_that_year_and_earlier_years_keep_it()
    {
        var communeId = await CommuneIdAsync();
        var before = (Y2024: await ClansAsync(communeId, 2024), Y2025: await ClansAsync(communeId, 2025));
        var households = new[] { await app.AddHouseholdAsync("T02", "Lã Văn Đi"), await app.AddHouseholdAsync("T03", "Lã Văn Theo") };
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var service = scope.ServiceProvider.GetRequiredService<HouseholdService>();
            foreach (var household in households)
            {
                var form = (await service.GetAsync(household)).Form;
                form.Before = true;
                await service.SaveAsync(form);
            }
            var clans = scope.ServiceProvider.GetRequiredService<ClanService>();
            await clans.SaveAsync(new ClanForm { Name = "Dòng họ Lã", HeadName = "Lã Văn Trưởng", HouseholdIds = [.. households] });
            // Typed in before its member households: it counts, as a clan with no date is taken to have been there.
            await clans.SaveAsync(new ClanForm { Name = "Dòng họ Vi", HeadName = "Vi Văn Trưởng" });
        }
        Assert.Equal(before.Y2024 + 2, await ClansAsync(communeId, 2024));
        Assert.Equal(before.Y2025 + 2, await ClansAsync(communeId, 2025));

        // Both households of the Lã clan moved away on 10/06/2025: 2025 no longer counts the clan, 2024 still does.
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var service = scope.ServiceProvider.GetRequiredService<HouseholdService>();
            foreach (var household in households)
            {
                var detail = await service.GetAsync(household);
                await service.ChangeStatusAsync(new StatusForm { Id = household, Version = detail.Form.Version, Status = (int)HouseholdStatus.MovedAway, Date = new DateTime(2025, 6, 10) });
            }
        }
        Assert.Equal(before.Y2024 + 2, await ClansAsync(communeId, 2024));
        Assert.Equal(before.Y2025 + 1, await ClansAsync(communeId, 2025));
    }

    private async Task<int> CommuneIdAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Villages.Where(v => v.Code == "T02").Select(v => v.CommuneId).SingleAsync();
    }

    // The year's clan count as the dashboard, its trend and the commune sheet's computed item each see it; they must agree.
    private async Task<int> ClansAsync(int communeId, int year)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var dashboard = (await DashboardQueries.YearAsync(db, communeId, year)).For(Title.ClanLearning).Counts.Total;
        var trend = (await DashboardQueries.TrendAsync(db, communeId, year, year)).Single(p => p.Title == Title.ClanLearning).Counts.Total;
        var inputs = await ComputedInputsService.GatherAsync(db, SubjectKind.Commune, communeId, year);
        var sheet = inputs.TryGetValue(ComputedInputKeys.CommuneClansClanLearningRate.Key, out var input) ? input.OutOf : 0;
        Assert.Equal(dashboard, trend);
        Assert.Equal(dashboard, sheet);
        return dashboard;
    }
}
