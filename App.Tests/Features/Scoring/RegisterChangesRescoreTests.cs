using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// The commune's sheet (CĐHT xã, by level) counts the commune's households and adults of the year: a person's death and
// a register imported from Excel score its open sheet again, as a household's move does. A commune of its own, small
// enough that one person moves a rate across its threshold:
//   one village, one unit, one clan, one household with three adults, all recognised this year but two of the adults.
public sealed class RegisterChangesRescoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_death_and_an_imported_register_score_the_communes_open_sheet_again()
    {
        var year = app.Today.Year;
        var (sheet, adults) = await SmallCommuneAsync(year);
        const string admin = "quantri.nho@camtan.vn";
        await app.AddUserAsync(admin, Roles.Administrator);
        await app.WithDbAsync(async db =>
        {
            var communeId = await db.Set<Evaluation>().Where(e => e.Id == sheet).Select(e => e.Registration!.SubjectId).SingleAsync();
            return await db.Users.Where(u => u.Email == admin).ExecuteUpdateAsync(s => s.SetProperty(u => u.CommuneId, communeId));
        });
        // Adults 1 of 3 recognised (33 %): item 3.7 (40 %) is not met, so level 3 is not reached.
        Assert.Equal("Mức độ 2", (await app.EvaluationAsync(sheet)).Rating);

        // One adult who was not recognised died today: 1 of 2 (50 %).
        await using (var scope = await app.AsUserAsync(admin))
        {
            var version = await app.WithDbAsync(db => db.People.Where(p => p.Id == adults[1]).Select(p => p.Version).SingleAsync());
            await scope.ServiceProvider.GetRequiredService<HouseholdService>().ChangePersonStatusAsync(new StatusForm
            {
                Id = adults[1], Version = version, Status = (int)PersonStatus.Deceased, Date = app.Today.ToDateTime(TimeOnly.MinValue),
            });
        }
        var afterDeath = await app.EvaluationAsync(sheet);
        Assert.Equal("Mức độ 3", afterDeath.Rating);
        Assert.Equal(await EngineRatingAsync(sheet, year), afterDeath.Rating);

        // Two households imported from Excel: households 1 of 3 recognised (33 %), under item 3.1's 50 %.
        var (importScope, import) = await app.ServiceAsync<RegisterImportService>(admin);
        await using (importScope)
        {
            var preview = await import.PreviewHouseholdsAsync(ExcelTestFiles.Households(
                [new Line("NH-01", "NHO", "Nông Văn Một"), new Line("NH-02", "NHO", "Nông Văn Hai")]));
            Assert.True(preview.CanCommit, preview.FileError + string.Join("; ", preview.Errors.Select(e => e.ToString())));
            await import.CommitAsync(preview);
        }
        var afterImport = await app.EvaluationAsync(sheet);
        Assert.Equal("Chưa đạt mức độ 1", afterImport.Rating);
        Assert.Equal(await EngineRatingAsync(sheet, year), afterImport.Rating);
    }

    private async Task<string?> EngineRatingAsync(int evaluationId, int year) => await app.WithDbAsync(async db =>
    {
        var evaluation = await db.Set<Evaluation>().Include(e => e.Registration).SingleAsync(e => e.Id == evaluationId);
        var set = CriteriaSetJson.Deserialize(await db.Set<CriteriaSet>().Where(s => s.Id == evaluation.CriteriaSetId).Select(s => s.DefinitionJson).SingleAsync());
        var inputs = await ComputedInputsService.GatherAsync(db, SubjectKind.Commune, evaluation.Registration!.SubjectId, year);
        return CriteriaEvaluator.Evaluate(set, StoredAnswers.Parse(evaluation.AnswersJson).ToEngine(inputs)).Rating;
    });

    // The small commune, its recognitions of the year, and its sheet reviewed with every indicator typed in met.
    private async Task<(int Sheet, List<int> Adults)> SmallCommuneAsync(int year)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var province = await db.Provinces.FirstAsync();
        var commune = new Commune { Code = "NHO", Name = "Xã Nhỏ", Province = province };
        var village = new Village { Commune = commune, Code = "NHO", Name = "Thôn Nhỏ", SortOrder = 1 };
        var unit = new Unit { Commune = commune, Code = "NHO-U", Name = "Trường Nhỏ", Kind = UnitKind.School };
        db.AddRange(village, unit);
        await db.SaveChangesAsync();
        var household = new Household { CommuneId = commune.Id, VillageId = village.Id, Code = "NHO-1", HeadName = "Nông Văn Cả" };
        db.Add(household);
        await db.SaveChangesAsync();
        var adults = Enumerable.Range(1, 3).Select(i => new Person { HouseholdId = household.Id, FullName = $"Nông Văn Người{i}", BirthYear = 1980 }).ToList();
        db.AddRange(adults);
        var clan = new Clan { CommuneId = commune.Id, Name = "Dòng họ Nông", Members = [new ClanMember { HouseholdId = household.Id }] };
        db.Add(clan);
        await db.SaveChangesAsync();

        foreach (var (title, kind, id, villageId) in new (Title, SubjectKind, int, int?)[]
        {
            (Title.FamilyLearning, SubjectKind.Household, household.Id, village.Id), (Title.ClanLearning, SubjectKind.Clan, clan.Id, null),
            (Title.VillageCommunity, SubjectKind.Village, village.Id, village.Id), (Title.UnitLearning, SubjectKind.Unit, unit.Id, null),
            (Title.CitizenLearning, SubjectKind.Person, adults[0].Id, village.Id),
        })
        {
            var setId = (await CriteriaSetService.ActiveForAsync(db, title, year))!.Id;
            db.Add(new Registration
            {
                CommuneId = commune.Id, Year = year, Title = title, SubjectKind = kind, SubjectId = id, VillageId = villageId, SubjectName = $"{kind} {id}",
                RegisteredOn = new DateOnly(year, 2, 1), Evaluation = new Evaluation { CriteriaSetId = setId, Status = EvaluationStatus.Recognised, MeetsCriteria = true },
            });
        }
        await db.SaveChangesAsync();

        var communeSet = (await CriteriaSetService.ActiveForAsync(db, Title.CommuneCommunity, year))!;
        var definition = CriteriaSetJson.Deserialize(communeSet.DefinitionJson);
        var answers = new StoredAnswers { Items = definition.Items.Where(i => i.Kind != ItemKind.Computed).ToDictionary(i => i.Code, _ => new StoredAnswer(Met: true)) };
        var result = CriteriaEvaluator.Evaluate(definition, answers.ToEngine(await ComputedInputsService.GatherAsync(db, SubjectKind.Commune, commune.Id, year)));
        var evaluation = new Evaluation
        {
            CriteriaSetId = communeSet.Id, Status = EvaluationStatus.Reviewed, AnswersJson = answers.ToJson(),
            TotalTenths = result.Total.Tenths, Rating = result.Rating ?? "", MeetsCriteria = result.Recognised,
        };
        db.Add(new Registration
        {
            CommuneId = commune.Id, Year = year, Title = Title.CommuneCommunity, SubjectKind = SubjectKind.Commune, SubjectId = commune.Id,
            SubjectName = commune.Name, RegisteredOn = new DateOnly(year, 2, 1), Evaluation = evaluation,
        });
        await db.SaveChangesAsync();
        return (evaluation.Id, adults.Select(p => p.Id).ToList());
    }
}
