using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.YearData;
using HocTapSuotDoi.Tests.Features.Decisions;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// Computed items are always fresh: a decision, a register change or an entered figure scores again, in the same
// transaction, the open sheets that read it; the list, the decision picker and the sheet agree. Each test has its own year.
public sealed class DependentEvaluationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_GDHT_decision_rescored_the_reviewed_clan_sheet_and_the_list_and_picker_agree_without_opening_it()
    {
        const int year = 2029;
        var households = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            households.Add(await app.AddHouseholdAsync("T02", $"Khổng Văn Phụ{i}"));
        }
        int clanId;
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            clanId = await scope.ServiceProvider.GetRequiredService<ClanService>()
                .SaveAsync(new ClanForm { Name = "Dòng họ Khổng", HeadName = "Khổng Văn Trưởng", HouseholdIds = households });
        }
        var clanSheet = await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.ClanLearning, SubjectKind.Clan, clanId, "Dòng họ Khổng", year));
        var before = await app.EvaluationAsync(clanSheet);
        Assert.False(before.MeetsCriteria);

        // Eight member households reviewed and meeting the criteria: the clan sheet says what it waits for.
        var gdht = new List<int>();
        foreach (var household in households.Take(8))
        {
            gdht.Add(await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.FamilyLearning, SubjectKind.Household, household, $"Hộ {household}", year, await app.VillageIdAsync("T02"))));
        }
        var waiting = await app.Services.GetRequiredService<ComputedInputsService>().WaitingAsync(SubjectKind.Clan, clanId, year);
        Assert.Equal($"Chờ quyết định công nhận GĐHT năm {year}: đã công nhận 0/10 hộ, 8 hộ đạt tiêu chí đang chờ quyết định. " +
            "Điểm tiêu chí này sẽ tự tính lại khi quyết định được ban hành.", Assert.Single(waiting));

        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var waitingSheet = await scope.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(before.RegistrationId);
            Assert.Equal(waiting, waitingSheet.Waiting);
            await scope.ServiceProvider.GetRequiredService<DecisionService>().IssueAsync(DecisionTestData.Form(Title.FamilyLearning, year, 901, [.. gdht]));
        }

        var after = await app.EvaluationAsync(clanSheet);
        Assert.True(after.MeetsCriteria);
        Assert.True(after.TotalTenths > before.TotalTenths);
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var candidate = (await scope.ServiceProvider.GetRequiredService<DecisionService>().CandidatesAsync(Title.ClanLearning, year))
                .Single(c => c.EvaluationId == clanSheet);
            Assert.True(candidate.MeetsCriteria);
            Assert.Equal(after.TotalTenths, candidate.TotalTenths);
            var row = (await scope.ServiceProvider.GetRequiredService<RegistrationService>()
                .ListAsync(new RegistrationQuery(Title.ClanLearning, year), new PageRequest(0, 50))).Items.Single(r => r.SubjectName == "Dòng họ Khổng");
            Assert.Equal(after.TotalTenths, row.TotalTenths);
            Assert.Equal(after.Rating, row.Rating);
            var sheet = await scope.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(row.Id);
            Assert.Equal(after.TotalTenths, sheet.Result.Total.Tenths);
            Assert.True(sheet.Result.Recognised);
            Assert.Contains(sheet.History, h => h.What == "Tính lại theo số liệu" && h.Reason.StartsWith("Quyết định số 901/"));
        }
        Assert.Empty(await app.Services.GetRequiredService<ComputedInputsService>().WaitingAsync(SubjectKind.Clan, clanId, year));
    }

    [Fact]
    public async Task Moving_a_member_household_out_rescored_this_years_open_clan_sheet()
    {
        var thisYear = TimeZoneInfo.ConvertTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), VnTime.Zone).Year;
        var households = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            households.Add(await app.AddHouseholdAsync("T03", $"Âu Văn Dời{i}"));
        }
        int clanId;
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            clanId = await scope.ServiceProvider.GetRequiredService<ClanService>()
                .SaveAsync(new ClanForm { Name = "Dòng họ Âu", HeadName = "Âu Văn Trưởng", HouseholdIds = households });
        }
        // Three of four recognised (75 %): the clan meets the 70 % item; one of them moving out leaves 2/3 (66,7 %).
        var gdht = new List<int>();
        foreach (var household in households.Take(3))
        {
            gdht.Add(await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.FamilyLearning, SubjectKind.Household, household, $"Hộ {household}", thisYear, await app.VillageIdAsync("T03"))));
        }
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            await scope.ServiceProvider.GetRequiredService<DecisionService>().IssueAsync(DecisionTestData.Form(Title.FamilyLearning, thisYear, 902, [.. gdht]));
        }
        var clanSheet = await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.ClanLearning, SubjectKind.Clan, clanId, "Dòng họ Âu", thisYear));
        Assert.True((await app.EvaluationAsync(clanSheet)).MeetsCriteria);

        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var service = scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Households.HouseholdService>();
            var detail = await service.GetAsync(households[0]);
            await service.ChangeStatusAsync(new HocTapSuotDoi.Features.Households.StatusForm { Id = households[0], Version = detail.Form.Version, Status = (int)HocTapSuotDoi.Features.Households.HouseholdStatus.MovedAway,
                Date = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().Date });
        }
        Assert.False((await app.EvaluationAsync(clanSheet)).MeetsCriteria);
    }

    [Fact]
    public async Task A_move_out_dated_last_year_rescored_last_years_open_clan_sheet()
    {
        const int year = 2024;
        var households = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            households.Add(await app.AddHouseholdAsync("T04", $"Ông Văn Cũ{i}"));
        }
        int clanId;
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var service = scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Households.HouseholdService>();
            foreach (var household in households)
            {
                // In the commune before the register began, so in 2024's figures.
                var form = (await service.GetAsync(household)).Form;
                form.Before = true;
                await service.SaveAsync(form);
            }
            clanId = await scope.ServiceProvider.GetRequiredService<ClanService>()
                .SaveAsync(new ClanForm { Name = "Dòng họ Ông", HeadName = "Ông Văn Trưởng", HouseholdIds = households });
        }
        var gdht = new List<int>();
        foreach (var household in households.Take(3))
        {
            gdht.Add(await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.FamilyLearning, SubjectKind.Household, household, $"Hộ {household}", year, await app.VillageIdAsync("T04"))));
        }
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            await scope.ServiceProvider.GetRequiredService<DecisionService>().IssueAsync(DecisionTestData.Form(Title.FamilyLearning, year, 903, [.. gdht]));
        }
        var clanSheet = await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.ClanLearning, SubjectKind.Clan, clanId, "Dòng họ Ông", year));
        Assert.True((await app.EvaluationAsync(clanSheet)).MeetsCriteria);

        // Recorded today (14/10/2026), the move out happened on 20/12/2024: 2024's clan is 2 of 3, under 70 %.
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var service = scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Households.HouseholdService>();
            var detail = await service.GetAsync(households[0]);
            await service.ChangeStatusAsync(new HocTapSuotDoi.Features.Households.StatusForm { Id = households[0], Version = detail.Form.Version,
                Status = (int)HocTapSuotDoi.Features.Households.HouseholdStatus.MovedAway, Date = new DateTime(2024, 12, 20) });
        }
        Assert.False((await app.EvaluationAsync(clanSheet)).MeetsCriteria);
    }

    [Fact]
    public async Task The_village_figure_entered_through_the_app_lets_CDHT_thon_reach_dat()
    {
        const int year = 2028;
        var villageId = await app.VillageIdAsync("T05");
        Assert.DoesNotContain(ComputedInputKeys.VillageAdultsLearningCentreRate.Key,
            (await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Village, villageId, year)).Keys);

        // The village's households and a clan living there: the other two computed items have their figures.
        var households = new List<int> { await app.AddHouseholdAsync("T05", "Mạc Văn Số"), await app.AddHouseholdAsync("T05", "Mạc Văn Liệu") };
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            await scope.ServiceProvider.GetRequiredService<ClanService>()
                .SaveAsync(new ClanForm { Name = "Dòng họ Mạc", HeadName = "Mạc Văn Số", HouseholdIds = households });
        }

        // First figure: 100 of 400 adults (25 %, under the 30 % band: 0 points for item 1.3).
        await using (var scope = await app.AsUserAsync("canbo@camtan.vn"))
        {
            var figures = scope.ServiceProvider.GetRequiredService<EnteredFigureService>();
            Assert.DoesNotContain(await figures.ListAsync(year), r => r.Kind == SubjectKind.Village && r.SubjectId == villageId);
        }
        await SaveVillageFigureAsync(villageId, year, 100, 400);
        var sheet = await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.VillageCommunity, SubjectKind.Village, villageId, "Thôn thử số liệu", year, villageId));
        var before = await app.EvaluationAsync(sheet);

        // Corrected: 300 of 400 (75 %): the reviewed sheet is scored again at once.
        await SaveVillageFigureAsync(villageId, year, 300, 400);
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Village, villageId, year);
        Assert.Equal(75m, inputs[ComputedInputKeys.VillageAdultsLearningCentreRate.Key].Percent);
        var after = await app.EvaluationAsync(sheet);
        Assert.True(after.TotalTenths > before.TotalTenths, "Tiêu chí 1.3 được chấm lại khi nhập số liệu.");

        // Item 1.3 is met; the village reaches "đạt" once its households and clans reach their rates too.
        var set = ShippedCriteriaSets.All.Single(s => s.Title == Title.VillageCommunity);
        var full = set.Items.Where(i => i.Kind != ItemKind.Computed).Aggregate(Answers.Empty, (a, i) => i.Kind == ItemKind.Points ? a.WithScore(i.Code, i.Max) : a.WithMet(i.Code, true));
        var all = new Dictionary<string, ComputedInput>(inputs)
        {
            [ComputedInputKeys.VillageHouseholdsFamilyLearningRate.Key] = ComputedInput.FromCounts(80, 100),
            [ComputedInputKeys.VillageClansClanLearningRate.Key] = ComputedInput.FromCounts(3, 4),
        };
        Assert.True(CriteriaEvaluator.Evaluate(set, full with { Inputs = all }).Recognised);
    }

    private async Task SaveVillageFigureAsync(int villageId, int year, int count, int outOf)
    {
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var figures = scope.ServiceProvider.GetRequiredService<EnteredFigureService>();
        var row = (await figures.ListAsync(year)).Single(r => r.Kind == SubjectKind.Village && r.SubjectId == villageId);
        Assert.NotNull(row.RegisterAdults);
        await figures.SaveAsync(new FigureForm
        {
            Kind = SubjectKind.Village, SubjectId = villageId, Year = year, InputKey = row.InputKey, Count = count, OutOf = outOf,
            Source = "Sổ theo dõi của TTHTCĐ", Version = row.Version,
        });
    }

    [Theory]
    [InlineData("canbo@camtan.vn", "T01", true)]
    [InlineData("canbo@camtan.vn", "T05", false)]
    [InlineData("xem@camtan.vn", "T01", false)]
    [InlineData("donvi@camtan.vn", "T01", false)]
    public async Task Village_figures_are_entered_only_by_people_whose_scope_covers_the_village(string email, string village, bool allowed)
    {
        var year = 2030 + email.Length + village[^1];
        var villageId = await app.VillageIdAsync(village);
        await using var scope = await app.AsUserAsync(email);
        var save = () => scope.ServiceProvider.GetRequiredService<EnteredFigureService>().SaveAsync(new FigureForm
        {
            Kind = SubjectKind.Village, SubjectId = villageId, Year = year, InputKey = ComputedInputKeys.VillageAdultsLearningCentreRate.Key, Count = 5, OutOf = 10,
        });
        if (allowed)
        {
            Assert.Equal(1, await save());
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(save);
        }
    }

    [Fact]
    public async Task A_unit_reporter_enters_the_staff_figure_of_their_own_unit_and_bad_numbers_get_Vietnamese_messages()
    {
        const int year = 2027;
        await using var scope = await app.AsUserAsync("donvi@camtan.vn");
        var figures = scope.ServiceProvider.GetRequiredService<EnteredFigureService>();
        var row = Assert.Single(await figures.ListAsync(year));
        Assert.Equal(SubjectKind.Unit, row.Kind);
        var form = new FigureForm { Kind = SubjectKind.Unit, SubjectId = row.SubjectId, Year = year, InputKey = row.InputKey, Count = 50, OutOf = 40 };
        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => figures.SaveAsync(form));
        Assert.Contains("Số người (50) không được lớn hơn tổng số (40).", error.Message);
        form.Count = 38;
        await figures.SaveAsync(form);
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Unit, row.SubjectId, year);
        Assert.Equal((38, 40), (inputs[ComputedInputKeys.UnitStaffCitizenLearningRate.Key].Count, inputs[ComputedInputKeys.UnitStaffCitizenLearningRate.Key].OutOf));
        // A second save from the same stale form is a concurrent edit, not an overwrite.
        await Assert.ThrowsAsync<StaleEditException>(() => figures.SaveAsync(form));
    }

    [Fact]
    public void Every_computed_input_of_every_shipped_set_has_a_source_a_user_can_fill()
    {
        var derived = new[]
        {
            ComputedInputKeys.ClanMemberHouseholdsFamilyLearningRate, ComputedInputKeys.VillageHouseholdsFamilyLearningRate,
            ComputedInputKeys.VillageClansClanLearningRate, ComputedInputKeys.CommuneHouseholdsFamilyLearningRate,
            ComputedInputKeys.CommuneClansClanLearningRate, ComputedInputKeys.CommuneVillagesCommunityRate,
            ComputedInputKeys.CommuneUnitsUnitLearningRate, ComputedInputKeys.CommuneAdultsCitizenLearningRate,
        }.Select(k => k.Key);
        var entered = new[] { SubjectKind.Village, SubjectKind.Unit }.Select(k => EnteredFigureService.KeyFor(k)!.Key);
        var sources = derived.Concat(entered).ToHashSet();
        var used = ShippedCriteriaSets.All.SelectMany(s => s.Items).Where(i => i.Kind == ItemKind.Computed).Select(i => i.Computed!.InputKey).Distinct();
        Assert.All(used, key => Assert.Contains(key, sources));
        Assert.Equal(ComputedInputKeys.All.Select(k => k.Key).Order(), sources.Order());
    }
}
