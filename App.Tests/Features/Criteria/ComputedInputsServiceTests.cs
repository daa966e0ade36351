using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Criteria;

// Figures for computed criteria come from the registers and the year's recognitions in the real database.
public sealed class ComputedInputsServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int ClanId, List<int> Households)> ClanOfTenAsync(string name)
    {
        var households = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            households.Add(await app.AddHouseholdAsync(i < 5 ? "T01" : "T04", $"{name} Văn Hộ{i}"));
        }
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var clanId = await scope.ServiceProvider.GetRequiredService<ClanService>()
            .SaveAsync(new ClanForm { Name = $"Dòng họ {name}", HeadName = $"{name} Văn Trưởng", HouseholdIds = households });
        return (clanId, households);
    }

    private async Task RecogniseAsync(IEnumerable<int> households, int year, EvaluationStatus status = EvaluationStatus.Recognised)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.Select(c => c.Id).FirstAsync();
        var setId = (await CriteriaSetService.ActiveForAsync(db, Title.FamilyLearning, year))!.Id;
        foreach (var id in households)
        {
            db.Add(new Registration
            {
                CommuneId = commune, Year = year, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household, SubjectId = id,
                RegisteredOn = new DateOnly(year, 2, 1), Evaluation = new Evaluation { CriteriaSetId = setId, Status = status },
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task<EvaluationResult> ScoreClanAsync(int clanId, int year)
    {
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Clan, clanId, year);
        var set = ShippedCriteriaSets.All.Single(s => s.Title == Title.ClanLearning);
        var answers = set.Items.Where(i => i.Kind != ItemKind.Computed).Aggregate(Answers.Empty, (a, i) =>
            i.Kind == ItemKind.Points ? a.WithScore(i.Code, i.Max) : a.WithMet(i.Code, true));
        return CriteriaEvaluator.Evaluate(set, answers with { Inputs = inputs });
    }

    [Fact]
    public async Task Seven_of_ten_member_households_recognised_meets_the_70_percent_clan_criterion()
    {
        var (clanId, households) = await ClanOfTenAsync("Quách");
        await RecogniseAsync(households.Take(7), 2026);
        await RecogniseAsync(households.Skip(7).Take(1), 2026, EvaluationStatus.Reviewed);

        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Clan, clanId, 2026);
        var rate = inputs[ComputedInputKeys.ClanMemberHouseholdsFamilyLearningRate.Key];
        Assert.Equal((7, 10), (rate.Count!.Value, rate.OutOf!.Value));
        Assert.Equal(70m, rate.Percent);

        var result = await ScoreClanAsync(clanId, 2026);
        var item = result.Items.Single(i => i.Code == "2.1");
        Assert.True(item.Met);
        Assert.Equal("Tỷ lệ hộ thành viên đạt GĐHT: 70,00 % (7/10)", item.Source);
        Assert.True(result.Recognised);
    }

    [Fact]
    public async Task Six_of_ten_is_below_70_percent_and_the_hard_condition_blocks_recognition()
    {
        var (clanId, households) = await ClanOfTenAsync("Trương");
        await RecogniseAsync(households.Take(6), 2026);
        await RecogniseAsync(households.Skip(6), 2025);

        var result = await ScoreClanAsync(clanId, 2026);
        var item = result.Items.Single(i => i.Code == "2.1");
        Assert.False(item.Met);
        Assert.Equal("Tỷ lệ hộ thành viên đạt GĐHT: 60,00 % (6/10)", item.Source);
        Assert.False(result.Recognised);
        Assert.Contains(result.Reasons, r => r.Contains("2.1") && r.Contains("bắt buộc"));
    }

    [Fact]
    public async Task A_clan_without_member_households_has_no_rate_rather_than_zero()
    {
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var clanId = await scope.ServiceProvider.GetRequiredService<ClanService>()
            .SaveAsync(new ClanForm { Name = "Dòng họ Rỗng", HeadName = "Không Có Ai" });
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Clan, clanId, 2026);
        Assert.Empty(inputs);
        var result = await ScoreClanAsync(clanId, 2026);
        Assert.Contains(result.Reasons, r => r.StartsWith("Chưa có số liệu \"Tỷ lệ hộ thành viên đạt GĐHT\""));
    }

    [Fact]
    public async Task Village_and_commune_rates_count_resident_households_only()
    {
        var moved = await app.AddHouseholdAsync("T09", "Hồ Văn Đi");
        var staying = await app.AddHouseholdAsync("T09", "Hồ Văn Ở");
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
            var detail = await households.GetAsync(moved);
            await households.ChangeStatusAsync(new StatusForm { Id = moved, Version = detail.Form.Version, Status = (int)HouseholdStatus.MovedAway, Date = app.Today.ToDateTime(TimeOnly.MinValue) });
        }
        // This year (both households were founded today; the moved one left today).
        var year = app.Today.Year;
        await RecogniseAsync([staying], year);
        var village = await app.VillageIdAsync("T09");
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Village, village, year);
        var rate = inputs[ComputedInputKeys.VillageHouseholdsFamilyLearningRate.Key];
        Assert.Equal(1, rate.Count);
        Assert.Equal(await ResidentHouseholdsAsync(village), rate.OutOf);
    }

    [Fact]
    public async Task A_clan_whose_only_household_in_the_village_moved_away_last_year_is_not_in_the_village_clan_rate()
    {
        var village = await NewVillageAsync("CIH1", "Thôn Họ Đi");
        var gone = await HouseholdBeforeTheAppAsync("CIH1", "Khổng Văn Đi");
        var stays = await HouseholdBeforeTheAppAsync("CIH1", "Mạc Văn Ở");
        await ClanAsync("Dòng họ Khổng Thôn Họ Đi", gone);
        await ClanAsync("Dòng họ Mạc Thôn Họ Đi", stays);
        await using (var db = await DbAsync())
        {
            await db.Households.Where(h => h.Id == gone).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HouseholdStatus.MovedAway).SetProperty(h => h.StatusDate, (DateOnly?)new DateOnly(2025, 6, 1)));
        }

        Assert.Equal((0, 1), await VillageClanRateAsync(village, 2026));
        // 2024 still had the household, so both clans were in the village then.
        Assert.Equal((0, 2), await VillageClanRateAsync(village, 2024));
    }

    [Fact]
    public async Task After_a_merge_the_merged_village_keeps_its_clans_for_earlier_years_and_the_receiving_village_does_not_gain_them()
    {
        var from = await NewVillageAsync("CIH2", "Thôn Họ Sáp");
        var into = await NewVillageAsync("CIH3", "Thôn Họ Nhận");
        await ClanAsync("Dòng họ Ông Thôn Họ Sáp", await HouseholdBeforeTheAppAsync("CIH2", "Ông Văn Sáp"));
        await ClanAsync("Dòng họ Âu Thôn Họ Sáp", await HouseholdBeforeTheAppAsync("CIH2", "Âu Văn Sáp"));
        await ClanAsync("Dòng họ Lạc Thôn Họ Nhận", await HouseholdBeforeTheAppAsync("CIH3", "Lạc Văn Nhận"));
        Assert.Equal(((0, 2), (0, 1)), (await VillageClanRateAsync(from, 2025), await VillageClanRateAsync(into, 2025)));

        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = from, IntoVillageId = into, On = new DateTime(2026, 1, 15) });
        }

        Assert.Equal(((0, 2), (0, 1)), (await VillageClanRateAsync(from, 2025), await VillageClanRateAsync(into, 2025)));
        Assert.Equal((0, 3), await VillageClanRateAsync(into, 2026));
    }

    private async Task<int> NewVillageAsync(string code, string name)
    {
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageService>().SaveAsync(new VillageForm { Code = code, Name = name, SortOrder = 900, Before = true });
        }
        return await app.VillageIdAsync(code);
    }

    // In the register since before the app, so it counts in past years too.
    private async Task<int> HouseholdBeforeTheAppAsync(string villageCode, string head)
    {
        var id = await app.AddHouseholdAsync(villageCode, head);
        await using var db = await DbAsync();
        await db.Households.Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.ActiveFrom, (DateOnly?)null));
        await db.People.Where(p => p.HouseholdId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveFrom, (DateOnly?)null));
        return id;
    }

    private async Task ClanAsync(string name, params int[] households)
    {
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        await admin.ServiceProvider.GetRequiredService<ClanService>().SaveAsync(new ClanForm { Name = name, HeadName = "Trưởng Họ", HouseholdIds = [.. households] });
    }

    // Recognised and all clans of the village's clan rate; (0, 0) when the sheet has no figure.
    private async Task<(int Count, int OutOf)> VillageClanRateAsync(int villageId, int year)
    {
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Village, villageId, year);
        return inputs.TryGetValue(ComputedInputKeys.VillageClansClanLearningRate.Key, out var rate) ? (rate.Count!.Value, rate.OutOf!.Value) : (0, 0);
    }

    private Task<AppDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<int> ResidentHouseholdsAsync(int villageId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Households.CountAsync(h => h.VillageId == villageId && h.Status == HouseholdStatus.Resident);
    }
}
