using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

// The dashboard counts in grouped statements (population totals, registrations joined to the population). Here the
// same figures are counted subject by subject in memory, from the year-true populations and the public one-line
// definitions (Registered, Evaluated, Recognised, AwaitingDecision), on the demo commune's registers of 2024–2026, and
// again after a village merge (the households then count in the village they belonged to on 31/12).
public sealed class SetBasedFiguresTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private static readonly int[] Years = [2024, 2025, 2026, 2027];

    [Fact]
    public async Task Year_figures_equal_a_count_subject_by_subject_before_and_after_a_village_merge()
    {
        await using var db = await DbAsync();
        var communeId = await db.Communes.Where(c => c.Code == "CAM-TAN").Select(c => c.Id).SingleAsync();
        foreach (var year in Years)
        {
            await AssertAgreeAsync(communeId, year);
        }
        var villages = await db.Villages.Where(v => v.CommuneId == communeId && v.Active).OrderBy(v => v.SortOrder).Select(v => v.Id).Take(3).ToListAsync();
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = villages[1], IntoVillageId = villages[0], On = new DateTime(2026, 7, 1) });
        }
        Assert.True(await YearRule.AnyVillageChangeAfterAsync(db, 2025));
        foreach (var year in Years)
        {
            await AssertAgreeAsync(communeId, year);
        }
        // A scorer's villages only (the merged one among them for 2024).
        var scorer = await DashboardQueries.YearAsync(db, communeId, 2024, [villages[1], villages[2]]);
        var all = await DashboardQueries.YearAsync(db, communeId, 2024);
        Assert.Equal(all.Villages.Where(v => v.VillageId == villages[1] || v.VillageId == villages[2]), scorer.Villages);
    }

    [Fact]
    public async Task The_trend_point_of_a_year_is_the_year_figures_without_awaiting()
    {
        await using var db = await DbAsync();
        var communeId = await db.Communes.Where(c => c.Code == "CAM-TAN").Select(c => c.Id).SingleAsync();
        var trend = await DashboardQueries.TrendAsync(db, communeId, Years[0], Years[^1]);
        foreach (var year in Years)
        {
            var fromYear = DashboardQueries.TrendPoints(await DashboardQueries.YearAsync(db, communeId, year));
            Assert.Equal(trend.Where(p => p.Year == year), fromYear);
        }
        Assert.Contains(trend, p => p.Counts.Recognised > 0);
    }

    // On a context of its own: a context that read the households before the merge would give their old villages.
    private async Task AssertAgreeAsync(int communeId, int year)
    {
        await using var db = await DbAsync();
        var figures = await DashboardQueries.YearAsync(db, communeId, year);
        var end = YearRule.EndOf(year);
        var changes = await db.Set<HouseholdVillageChange>().Where(c => c.On > end).OrderBy(c => c.On).ToListAsync();
        var villageThen = await db.Households.Where(h => h.CommuneId == communeId)
            .ToDictionaryAsync(h => h.Id, h => h.VillageId);
        foreach (var change in changes.GroupBy(c => c.HouseholdId))
        {
            villageThen[change.Key] = change.First().FromVillageId;
        }

        var households = await db.Households.Where(h => h.CommuneId == communeId).ExistingIn(year).Select(h => h.Id).ToListAsync();
        var bornBy = CitizenAge.LatestBirthYear(year);
        var people = await db.People.Where(p => p.BirthYear <= bornBy && p.Household!.CommuneId == communeId).ExistingIn(year)
            .Select(p => new { p.Id, p.HouseholdId, p.TargetGroup }).ToListAsync();
        var villages = await db.Villages.Where(v => v.CommuneId == communeId).ExistingIn(year).Select(v => v.Id).ToListAsync();
        var units = await db.Units.Where(u => u.CommuneId == communeId).ExistingIn(year).Select(u => u.Id).ToListAsync();
        var clans = await db.Clans.Where(c => c.CommuneId == communeId).Select(c => c.Id).ToListAsync();

        var family = await StatesAsync(db, Title.FamilyLearning, year, SubjectKind.Household);
        var citizens = await StatesAsync(db, Title.CitizenLearning, year, SubjectKind.Person);
        var community = await StatesAsync(db, Title.VillageCommunity, year, SubjectKind.Village);
        Assert.Equal(family.Count(households), figures.For(Title.FamilyLearning).Counts);
        Assert.Equal(citizens.Count(people.Select(p => p.Id)), figures.For(Title.CitizenLearning).Counts);
        Assert.Equal(community.Count(villages), figures.For(Title.VillageCommunity).Counts);
        Assert.Equal((await StatesAsync(db, Title.UnitLearning, year, SubjectKind.Unit)).Count(units), figures.For(Title.UnitLearning).Counts);
        Assert.Equal((await StatesAsync(db, Title.ClanLearning, year, SubjectKind.Clan)).Count(clans), figures.For(Title.ClanLearning).Counts);
        Assert.Equal(villages.Order(), figures.Villages.Select(v => v.VillageId).Order());
        foreach (var row in figures.Villages)
        {
            Assert.Equal(family.Count(households.Where(h => villageThen[h] == row.VillageId)), row.Households);
            Assert.Equal(citizens.Count(people.Where(p => villageThen[p.HouseholdId] == row.VillageId).Select(p => p.Id)), row.People);
            Assert.Equal(community.Count([row.VillageId]), row.Community);
        }
        foreach (var group in figures.TargetGroups)
        {
            Assert.Equal(citizens.Count(people.Where(p => p.TargetGroup == group.Group).Select(p => p.Id)), group.Counts);
        }
        Assert.Equal(people.Select(p => p.TargetGroup).Where(g => g != CitizenGroup.None).Distinct().Order(),
            figures.TargetGroups.Where(g => g.Group != CitizenGroup.None).Select(g => g.Group).Order());
    }

    private static async Task<States> StatesAsync(AppDbContext db, Title title, int year, SubjectKind kind) => new(
        (await DashboardQueries.Registered(db, title, year, kind).ToListAsync()).ToHashSet(),
        (await DashboardQueries.Evaluated(db, title, year, kind).ToListAsync()).ToHashSet(),
        (await ComputedInputsService.Recognised(db, title, year, kind).ToListAsync()).ToHashSet(),
        (await DashboardQueries.AwaitingDecision(db, title, year, kind).ToListAsync()).ToHashSet());

    private sealed record States(HashSet<int> Registered, HashSet<int> Evaluated, HashSet<int> Recognised, HashSet<int> Awaiting)
    {
        public SubjectCounts Count(IEnumerable<int> subjects)
        {
            var ids = subjects.ToList();
            return new SubjectCounts(ids.Count, ids.Count(Registered.Contains), ids.Count(Evaluated.Contains), ids.Count(Recognised.Contains),
                ids.Count(Awaiting.Contains));
        }
    }

    private Task<AppDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
