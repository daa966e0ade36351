using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Targets;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Targets;

public sealed class TargetServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task National_defaults_are_seeded_once_with_unverified_figures_flagged()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await new NationalTargetsSeeder(db).SeedAsync();
        var national = await db.Set<Target>().Where(t => t.Level == TargetLevel.National).ToListAsync();
        Assert.Equal(NationalTargetsSeeder.Defaults.Count, national.Count);
        var family2025 = national.Single(t => t.Indicator == TargetIndicator.FamilyLearningHouseholds && t.FromYear == 2023);
        Assert.Equal((2025, 700, true), (family2025.ToYear, family2025.PercentTenths, family2025.Checked));
        Assert.False(national.Single(t => t.Indicator == TargetIndicator.FamilyLearningHouseholds && t.FromYear == 2026).Checked);
    }

    [Fact]
    public async Task QD_387_is_the_Prime_Ministers_decision_of_25_03_2022_and_older_rows_are_corrected()
    {
        Assert.All(NationalTargetsSeeder.Defaults.Where(d => d.Source.Contains("387")), d => Assert.Equal("QĐ 387/QĐ-TTg (25/03/2022)", d.Source));
        Assert.Equal(8, NationalTargetsSeeder.Defaults.Count(d => d.Source == NationalTargetsSeeder.Qd387));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await new NationalTargetsSeeder(db).SeedAsync();
        var row = await db.Set<Target>().SingleAsync(t => t.Level == TargetLevel.National && t.Indicator == TargetIndicator.ClanLearningClans && t.FromYear == 2023);
        row.Source = "QĐ 387/QĐ-TTg (2022)";
        await db.SaveChangesAsync();

        await new NationalTargetsSeeder(db).SeedAsync();

        var sources = await db.Set<Target>().AsNoTracking().Where(t => t.Level == TargetLevel.National && t.Source.Contains("387")).Select(t => t.Source).ToListAsync();
        Assert.Equal(8, sources.Count);
        Assert.All(sources, s => Assert.Equal(NationalTargetsSeeder.Qd387, s));
    }

    [Fact]
    public async Task Administrator_sets_a_commune_target_that_overrides_the_national_one()
    {
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var targets = scope.ServiceProvider.GetRequiredService<TargetService>();
            await targets.SaveAsync(new TargetForm { Level = TargetLevel.Commune, Indicator = TargetIndicator.UnitLearningUnits, FromYear = 2026, ToYear = 2030, Percent = 95.5m, Source = "NQ Đảng ủy xã" });
            Assert.Contains(await targets.ListAsync(), r => r.Level == TargetLevel.Commune && r.Percent == 95.5m);
        }
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.Where(c => c.Code == "CAM-TAN").Select(c => c.Id).SingleAsync();
        var effective = await TargetService.EffectiveAsync(db, commune, [2025, 2027]);
        Assert.Equal((TargetLevel.Commune, 955), (effective[(TargetIndicator.UnitLearningUnits, 2027)].Level, effective[(TargetIndicator.UnitLearningUnits, 2027)].PercentTenths));
        Assert.Equal(TargetLevel.National, effective[(TargetIndicator.UnitLearningUnits, 2025)].Level);
    }

    [Theory]
    [InlineData(2026, 2025, 70, "Năm kết thúc không được trước năm bắt đầu.")]
    [InlineData(2026, 2030, 101, "Chỉ tiêu phải từ 0 đến 100 %.")]
    public async Task Invalid_targets_are_refused_with_a_Vietnamese_reason(int from, int to, int percent, string message)
    {
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var ex = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => scope.ServiceProvider.GetRequiredService<TargetService>()
            .SaveAsync(new TargetForm { FromYear = from, ToYear = to, Percent = percent, Source = "x" }));
        Assert.Contains(ex.Errors, e => e.ErrorMessage == message);
    }

    [Fact]
    public async Task Only_administrators_change_targets()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<TargetService>()
            .SaveAsync(new TargetForm { Percent = 50, Source = "x" }));
    }
}
