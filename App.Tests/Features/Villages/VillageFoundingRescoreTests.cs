using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Villages;

// A village's founding date moves the commune's "tỷ lệ thôn đạt CĐHT" of every year it touches: the commune's open
// 2025 sheet is scored again with the save. In its own app: the commune's 2025 figures are this test's alone.
public sealed class VillageFoundingRescoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Year = 2025;

    [Fact]
    public async Task The_communes_open_2025_sheet_is_rescored_when_a_villages_founding_date_moves_across_2025()
    {
        var communeId = await RecognisedIn2025Async();
        var sheet = await app.ScoreAndReviewAsync(await app.RegisterAsync(Title.CommuneCommunity, SubjectKind.Commune, communeId, "Xã Cẩm Tân", Year));
        // 7 of the 10 villages recognised CĐHT in 2025 (70 % ≥ 65 %), every household and clan recognised: level 2.
        Assert.Equal((7, 10), await VillageRateAsync(communeId));
        Assert.Equal("Mức độ 2", (await app.EvaluationAsync(sheet)).Rating);

        // A village there before the app: 7 of 11 (63,6 %) in 2025.
        await SaveAsync(new VillageForm { Code = "TR1", Name = "Thôn Tân Rẽ", SortOrder = 400, Before = true });
        Assert.Equal((7, 11), await VillageRateAsync(communeId));
        Assert.Equal("Mức độ 1", (await app.EvaluationAsync(sheet)).Rating);

        // Its date set forward: founded on 01/03/2026, so not in 2025.
        await SaveAsync(await FormAsync("TR1", f => (f.Before, f.Since) = (false, new DateTime(2026, 3, 1))));
        Assert.Equal((7, 10), await VillageRateAsync(communeId));
        Assert.Equal("Mức độ 2", (await app.EvaluationAsync(sheet)).Rating);

        // And back: founded on 01/06/2025 after all.
        await SaveAsync(await FormAsync("TR1", f => f.Since = new DateTime(2025, 6, 1)));
        Assert.Equal((7, 11), await VillageRateAsync(communeId));
        Assert.Equal("Mức độ 1", (await app.EvaluationAsync(sheet)).Rating);

        await using var db = await DbAsync();
        var lines = await db.Set<EvaluationAudit>().Where(a => a.EvaluationId == sheet && a.What == DependentEvaluations.RecomputedLine)
            .OrderBy(a => a.Id).Select(a => a.New).ToListAsync();
        Assert.Equal(["Mức độ 1", "Mức độ 2", "Mức độ 1"], lines.Select(l => l.Split(" · ")[1]));
    }

    // Recognitions of 2025 decided before the app's sheets were opened: 7 of the 10 villages, one household of the
    // register from before the app (its head an adult), and its clan.
    private async Task<int> RecognisedIn2025Async()
    {
        await using var db = await DbAsync();
        var communeId = await db.Communes.Select(c => c.Id).FirstAsync();
        var villages = await db.Villages.Where(v => v.CommuneId == communeId).OrderBy(v => v.SortOrder).ToListAsync();
        Assert.Equal(10, villages.Count);
        var household = new Household
        {
            CommuneId = communeId, VillageId = villages[0].Id, Code = "TR-0001", HeadName = "Đàm Văn Rẽ", HeadNameSearch = VietnameseText.SearchKey("Đàm Văn Rẽ"),
            Members = [new Person { FullName = "Đàm Văn Rẽ", FullNameSearch = VietnameseText.SearchKey("Đàm Văn Rẽ"), BirthYear = 1970, SortOrder = 1 }],
        };
        db.Add(household);
        await db.SaveChangesAsync();
        var clan = new Clan { CommuneId = communeId, Name = "Dòng họ Đàm", NameSearch = VietnameseText.SearchKey("Dòng họ Đàm"), Members = [new ClanMember { HouseholdId = household.Id }] };
        db.Add(clan);
        await db.SaveChangesAsync();
        var recognised = villages.Take(7).Select(v => (Title.VillageCommunity, SubjectKind.Village, v.Id, v.Name))
            .Append((Title.FamilyLearning, SubjectKind.Household, household.Id, household.HeadName))
            .Append((Title.ClanLearning, SubjectKind.Clan, clan.Id, clan.Name));
        foreach (var (title, kind, id, name) in recognised)
        {
            var set = await db.Set<CriteriaSet>().Where(s => s.Title == title).Select(s => s.Id).FirstAsync();
            db.Add(new Registration
            {
                CommuneId = communeId, Year = Year, Title = title, SubjectKind = kind, SubjectId = id, SubjectName = name, RegisteredOn = new DateOnly(Year, 3, 1),
                Evaluation = new Evaluation { CriteriaSetId = set, Status = EvaluationStatus.Recognised, MeetsCriteria = true },
            });
        }
        await db.SaveChangesAsync();
        return communeId;
    }

    private async Task<(int Count, int OutOf)> VillageRateAsync(int communeId)
    {
        var inputs = await app.Services.GetRequiredService<ComputedInputsService>().GatherAsync(SubjectKind.Commune, communeId, Year);
        var rate = inputs[ComputedInputKeys.CommuneVillagesCommunityRate.Key];
        return (rate.Count!.Value, rate.OutOf!.Value);
    }

    private async Task SaveAsync(VillageForm form)
    {
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        await admin.ServiceProvider.GetRequiredService<VillageService>().SaveAsync(form);
    }

    private async Task<VillageForm> FormAsync(string code, Action<VillageForm> change)
    {
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        var form = VillageForm.Of((await admin.ServiceProvider.GetRequiredService<VillageService>().ListAsync()).Single(r => r.Code == code));
        change(form);
        return form;
    }

    private Task<AppDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
