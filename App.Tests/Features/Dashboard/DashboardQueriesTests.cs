using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Targets;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

public sealed class DashboardQueriesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(KnownCommune Commune, YearFigures Figures)> YearAsync(int year)
    {
        var commune = await DashboardTestData.CreateAsync(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (commune, await DashboardQueries.YearAsync(db, commune.CommuneId, year));
    }

    [Fact]
    public async Task Titles_count_all_subjects_and_registered_ones_side_by_side()
    {
        var (_, f) = await YearAsync(2026);
        Assert.Equal(new SubjectCounts(15, 13, 9, 8), f.For(Title.FamilyLearning).Counts);
        Assert.Equal(53.33m, f.For(Title.FamilyLearning).Counts.PercentOfAll);
        Assert.Equal(61.54m, f.For(Title.FamilyLearning).Counts.PercentOfRegistered);
        Assert.Equal(new SubjectCounts(1, 0, 0, 0), f.For(Title.ClanLearning).Counts);
        Assert.Null(f.For(Title.ClanLearning).Counts.PercentOfRegistered);
        Assert.Equal(new SubjectCounts(3, 1, 1, 1), f.For(Title.VillageCommunity).Counts);
        Assert.Equal(new SubjectCounts(2, 1, 1, 1), f.For(Title.UnitLearning).Counts);
        Assert.Equal(new SubjectCounts(20, 4, 4, 3), f.For(Title.CitizenLearning).Counts);
        Assert.Equal(15.0m, f.For(Title.CitizenLearning).Counts.PercentOfAll);
        Assert.Equal(75.0m, f.For(Title.CitizenLearning).Counts.PercentOfRegistered);
    }

    [Fact]
    public async Task Targets_resolve_commune_over_province_over_nation_and_give_lights_and_gaps()
    {
        var (_, f) = await YearAsync(2026);
        var family = f.For(Title.FamilyLearning);
        Assert.Equal((TargetLevel.Commune, 60m), (family.Target!.Level, family.Target.Percent));
        Assert.Equal((TargetStatus.Near, 1), (family.Status, family.Gap));
        Assert.Equal("cần thêm 1 hộ", family.GapText);
        var clan = f.For(Title.ClanLearning);
        Assert.Equal((TargetLevel.Provincial, 50m, TargetStatus.NotMet, 1), (clan.Target!.Level, clan.Target.Percent, clan.Status, clan.Gap));
        var village = f.For(Title.VillageCommunity);
        Assert.Equal((TargetLevel.National, 75m, TargetStatus.NotMet, 2), (village.Target!.Level, village.Target.Percent, village.Status, village.Gap));
        Assert.Equal("cần thêm 2 thôn", village.GapText);
        Assert.Equal((TargetStatus.NotMet, 1), (f.For(Title.UnitLearning).Status, f.For(Title.UnitLearning).Gap));
        Assert.Equal(TargetStatus.NoTarget, f.For(Title.CitizenLearning).Status);
    }

    [Fact]
    public async Task Villages_include_one_without_households_and_count_resident_households_only()
    {
        var (c, f) = await YearAsync(2026);
        Assert.Equal(["Thôn A", "Thôn B", "Thôn C"], f.Villages.Select(v => v.Name));
        var a = f.Villages.Single(v => v.VillageId == c.VillageA);
        Assert.Equal(new SubjectCounts(10, 8, 7, 6), a.Households);
        Assert.Equal((60.0m, 75.0m, 1), (a.Households.PercentOfAll, a.Households.PercentOfRegistered, a.Households.LeftToScore));
        Assert.Equal(new SubjectCounts(1, 1, 1, 1), a.Community);
        var b = f.Villages.Single(v => v.VillageId == c.VillageB);
        Assert.Equal(new SubjectCounts(5, 5, 2, 2), b.Households);
        Assert.Equal(3, b.Households.LeftToScore);
        var empty = f.Villages.Single(v => v.VillageId == c.VillageC);
        Assert.Equal(SubjectCounts.Zero, empty.Households);
        Assert.Null(empty.Households.PercentOfAll);
        Assert.Equal("—", VnPercent.Format(empty.Households.PercentOfAll));
        // The village rows add up to the commune's figure.
        Assert.Equal(f.For(Title.FamilyLearning).Counts, f.Villages.Aggregate(SubjectCounts.Zero, (s, v) => s.Plus(v.Households)));
    }

    [Fact]
    public async Task Citizen_learning_is_broken_down_by_target_group()
    {
        var (_, f) = await YearAsync(2026);
        var groups = f.TargetGroups.ToDictionary(g => g.Group, g => g.Counts);
        Assert.Equal(new SubjectCounts(10, 2, 2, 2), groups[CitizenGroup.FarmersAndRuralWorkers]);
        Assert.Equal(new SubjectCounts(10, 2, 2, 1), groups[CitizenGroup.OfficialsAndIntellectuals]);
        Assert.Equal(20.0m, groups[CitizenGroup.FarmersAndRuralWorkers].PercentOfAll);
        Assert.DoesNotContain(CitizenGroup.None, groups.Keys);
    }

    [Fact]
    public async Task Citizen_learning_counts_people_of_registrable_age_only()
    {
        var (c, f) = await YearAsync(2026);
        // 20 living adults; the children born 2015 and 2012 are under 15 in 2026 and are not in the "tổng số".
        var citizens = f.For(Title.CitizenLearning).Counts;
        Assert.Equal(20, citizens.Total);
        Assert.Equal(15m, citizens.PercentOfAll);
        Assert.Equal(20, f.Villages.Single(v => v.VillageId == c.VillageA).People.Total);
        Assert.Equal(20, f.TargetGroups.Sum(g => g.Counts.Total));

        // In 2027 the one born 2012 turns 15 and counts; the one born 2015 still does not.
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var next = await DashboardQueries.YearAsync(db, c.CommuneId, 2027);
        Assert.Equal(21, next.For(Title.CitizenLearning).Counts.Total);
        var trend = await DashboardQueries.TrendAsync(db, c.CommuneId, 2026, 2027);
        Assert.Equal([20, 21], trend.Where(p => p.Title == Title.CitizenLearning).OrderBy(p => p.Year).Select(p => p.Counts.Total));
    }

    [Fact]
    public async Task Reviewed_evaluations_that_meet_the_criteria_are_counted_as_awaiting_a_decision()
    {
        var commune = await DashboardTestData.CreateAsync(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DashboardTestData.AddAwaitingDecisionAsync(db, commune);
        var f = await DashboardQueries.YearAsync(db, commune.CommuneId, 2026);
        Assert.Equal(new SubjectCounts(15, 13, 10, 8, 1), f.For(Title.FamilyLearning).Counts);
        Assert.Equal(1, f.Villages.Single(v => v.VillageId == commune.VillageB).Households.AwaitingDecision);
        // Awaiting is not recognised: the rate of all still counts the 8 decided households only.
        Assert.Equal(53.33m, f.For(Title.FamilyLearning).Counts.PercentOfAll);
    }

    [Fact]
    public async Task A_year_without_data_shows_zero_recognised_of_all_and_no_rate_of_registered()
    {
        var (_, f) = await YearAsync(2024);
        var family = f.For(Title.FamilyLearning);
        Assert.Equal(new SubjectCounts(15, 0, 0, 0), family.Counts);
        Assert.Equal(0m, family.Counts.PercentOfAll);
        Assert.Null(family.Counts.PercentOfRegistered);
        Assert.Equal((TargetLevel.National, 70m, TargetStatus.NotMet, 11), (family.Target!.Level, family.Target.Percent, family.Status, family.Gap));
    }

    [Fact]
    public async Task Trend_runs_2023_to_2030_with_the_targets_of_each_phase()
    {
        var commune = await DashboardTestData.CreateAsync(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var trend = await DashboardQueries.TrendAsync(db, commune.CommuneId, 2023, 2030);
        var family = trend.Where(p => p.Title == Title.FamilyLearning).ToDictionary(p => p.Year);
        Assert.Equal(Enumerable.Range(2023, 8), family.Keys.Order());
        Assert.Equal(3, family[2025].Counts.Recognised);
        Assert.Equal(8, family[2026].Counts.Recognised);
        Assert.Equal(0, family[2024].Counts.Registered);
        Assert.Equal(70m, family[2025].Target!.Percent);
        Assert.Equal(60m, family[2026].Target!.Percent);
        // The trend's point for a year is the dashboard's figure for that year.
        Assert.Equal((await DashboardQueries.YearAsync(db, commune.CommuneId, 2026)).For(Title.FamilyLearning).Counts, family[2026].Counts);
    }
}
