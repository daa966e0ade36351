using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Targets;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

// A small commune of its own (its own province too), so the figures are known exactly whatever the demo data holds.
//   Village A: 10 resident households (+1 moved away), 2 living adults each (a farmer, an official) + 1 deceased,
//              and two children (born 2015 and 2012: under 15 in 2026, so outside Công dân học tập's "tổng số";
//              the one born 2012 counts from 2027).
//   Village B: 5 resident households, no people.  Village C: no households at all.
//   2026: GĐHT A 8 registered (6 recognised, 1 not recognised, 1 draft), the moved-away household registered and
//         recognised (outside the population); B 5 registered (2 recognised, 3 not evaluated).
//         CĐHT: village A recognised. ĐVHT: 1 of 2 active units recognised (a third unit is inactive).
//         CDHT: 4 people of A registered, 3 recognised (2 farmers, 1 official).
//   2025: GĐHT A 3 recognised.  2024: nothing.
//   Targets: commune GĐHT 2026–2030 60 %; provincial DHHT 2026–2030 50 %; the rest national.
public sealed record KnownCommune(int CommuneId, int VillageA, int VillageB, int VillageC);

public static class DashboardTestData
{
    public static async Task<KnownCommune> CreateAsync(AppFactory app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var province = new Province { Code = "P" + tag, Name = "Tỉnh Kiểm Thử" };
        var commune = new Commune { Code = "C" + tag, Name = "Kiểm Thử", Province = province };
        var villages = new[] { "A", "B", "C" }.Select((n, i) => new Village { Commune = commune, Code = n, Name = $"Thôn {n}", SortOrder = i + 1 }).ToArray();
        db.AddRange(villages);
        var units = Enumerable.Range(1, 3).Select(i => new Unit { Commune = commune, Code = $"U{i}", Name = $"Đơn vị {i}", Kind = UnitKind.School, Active = i < 3 }).ToArray();
        db.AddRange(units);
        await db.SaveChangesAsync();

        var a = Enumerable.Range(1, 10).Select(i => Household(commune.Id, villages[0].Id, $"A{i}", HouseholdStatus.Resident)).ToList();
        var moved = Household(commune.Id, villages[0].Id, "A99", HouseholdStatus.MovedAway);
        var b = Enumerable.Range(1, 5).Select(i => Household(commune.Id, villages[1].Id, $"B{i}", HouseholdStatus.Resident)).ToList();
        db.AddRange(a);
        db.AddRange(b);
        db.Add(moved);
        await db.SaveChangesAsync();
        var farmers = a.Select(h => Person(h.Id, CitizenGroup.FarmersAndRuralWorkers, PersonStatus.Living)).ToList();
        var officials = a.Select(h => Person(h.Id, CitizenGroup.OfficialsAndIntellectuals, PersonStatus.Living)).ToList();
        db.AddRange(farmers);
        db.AddRange(officials);
        db.Add(Person(a[0].Id, CitizenGroup.FarmersAndRuralWorkers, PersonStatus.Deceased));
        db.Add(Person(a[0].Id, CitizenGroup.None, PersonStatus.Living, 2015));
        db.Add(Person(a[1].Id, CitizenGroup.None, PersonStatus.Living, 2012));
        db.Add(new Clan { CommuneId = commune.Id, Name = "Dòng họ Thử " + tag, Members = a.Take(5).Select(h => new ClanMember { HouseholdId = h.Id }).ToList() });
        await db.SaveChangesAsync();

        var r = new Registrar(db, commune.Id);
        var statuses = new EvaluationStatus?[] { EvaluationStatus.Recognised, EvaluationStatus.Recognised, EvaluationStatus.Recognised, EvaluationStatus.Recognised,
            EvaluationStatus.Recognised, EvaluationStatus.Recognised, EvaluationStatus.NotRecognised, EvaluationStatus.Draft };
        for (var i = 0; i < 8; i++)
        {
            await r.AddAsync(2026, Title.FamilyLearning, SubjectKind.Household, a[i].Id, villages[0].Id, statuses[i]);
        }
        await r.AddAsync(2026, Title.FamilyLearning, SubjectKind.Household, moved.Id, villages[0].Id, EvaluationStatus.Recognised);
        for (var i = 0; i < 5; i++)
        {
            await r.AddAsync(2026, Title.FamilyLearning, SubjectKind.Household, b[i].Id, villages[1].Id, i < 2 ? EvaluationStatus.Recognised : null);
        }
        await r.AddAsync(2026, Title.VillageCommunity, SubjectKind.Village, villages[0].Id, villages[0].Id, EvaluationStatus.Recognised);
        await r.AddAsync(2026, Title.UnitLearning, SubjectKind.Unit, units[0].Id, null, EvaluationStatus.Recognised);
        await r.AddAsync(2026, Title.UnitLearning, SubjectKind.Unit, units[2].Id, null, EvaluationStatus.Recognised);
        await r.AddAsync(2026, Title.CitizenLearning, SubjectKind.Person, farmers[0].Id, villages[0].Id, EvaluationStatus.Recognised);
        await r.AddAsync(2026, Title.CitizenLearning, SubjectKind.Person, farmers[1].Id, villages[0].Id, EvaluationStatus.Recognised);
        await r.AddAsync(2026, Title.CitizenLearning, SubjectKind.Person, officials[0].Id, villages[0].Id, EvaluationStatus.Recognised);
        await r.AddAsync(2026, Title.CitizenLearning, SubjectKind.Person, officials[1].Id, villages[0].Id, EvaluationStatus.Submitted);
        for (var i = 0; i < 3; i++)
        {
            await r.AddAsync(2025, Title.FamilyLearning, SubjectKind.Household, a[i].Id, villages[0].Id, EvaluationStatus.Recognised);
        }
        db.Add(new Target { Level = TargetLevel.Commune, CommuneId = commune.Id, Indicator = TargetIndicator.FamilyLearningHouseholds, FromYear = 2026, ToYear = 2030, PercentTenths = 600, Source = "NQ xã", Checked = true });
        db.Add(new Target { Level = TargetLevel.Provincial, ProvinceId = province.Id, Indicator = TargetIndicator.ClanLearningClans, FromYear = 2026, ToYear = 2030, PercentTenths = 500, Source = "KH tỉnh", Checked = true });
        await db.SaveChangesAsync();
        return new KnownCommune(commune.Id, villages[0].Id, villages[1].Id, villages[2].Id);
    }

    // One more 2026 household of village B scored, reviewed and meeting the criteria, not yet in a decision.
    public static async Task AddAwaitingDecisionAsync(AppDbContext db, KnownCommune commune)
    {
        var registration = await db.Set<Registration>().Include(r => r.Evaluation)
            .FirstAsync(r => r.CommuneId == commune.CommuneId && r.Year == 2026 && r.Title == Title.FamilyLearning && r.VillageId == commune.VillageB && r.Evaluation == null);
        var set = (await CriteriaSetService.ActiveForAsync(db, Title.FamilyLearning, 2026))!.Id;
        registration.Evaluation = new Evaluation { CriteriaSetId = set, Status = EvaluationStatus.Reviewed, MeetsCriteria = true, TotalTenths = 850 };
        await db.SaveChangesAsync();
    }

    private static Household Household(int communeId, int villageId, string code, HouseholdStatus status) =>
        new() { CommuneId = communeId, VillageId = villageId, Code = code, HeadName = "Chủ hộ " + code, Status = status };

    private static Person Person(int householdId, CitizenGroup group, PersonStatus status, int birthYear = 1980) =>
        new() { HouseholdId = householdId, FullName = "Người thử", TargetGroup = group, Status = status, BirthYear = birthYear };

    private sealed class Registrar(AppDbContext db, int communeId)
    {
        public async Task AddAsync(int year, Title title, SubjectKind kind, int subjectId, int? villageId, EvaluationStatus? status)
        {
            var set = (await CriteriaSetService.ActiveForAsync(db, title, year))!.Id;
            db.Add(new Registration
            {
                CommuneId = communeId, Year = year, Title = title, SubjectKind = kind, SubjectId = subjectId, VillageId = villageId,
                RegisteredOn = new DateOnly(year, 2, 1), Evaluation = status is { } s ? new Evaluation { CriteriaSetId = set, Status = s } : null,
            });
            await db.SaveChangesAsync();
        }
    }
}
