using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Decisions;

public sealed record Scored(string Name, string Village, int TotalTenths, bool Meets = true, EvaluationStatus Status = EvaluationStatus.Reviewed);

// Registrations and evaluations written straight to the database (the scoring workflow is another feature), scored
// with the criteria set active for the title and year.
public static class DecisionTestData
{
    private static int _nextSubject = 100_000;

    public static async Task<Dictionary<string, int>> AddEvaluationsAsync(this AppFactory app, Title title, int year, params Scored[] subjects)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var set = await CriteriaSetService.ActiveForAsync(db, title, year) ?? throw new InvalidOperationException($"Không có bộ tiêu chí {title} {year}");
        var villages = await db.Villages.ToDictionaryAsync(v => v.Code, v => v);
        var added = new List<(string Name, Evaluation Evaluation)>();
        foreach (var s in subjects)
        {
            var village = villages[s.Village];
            var registration = new Registration
            {
                CommuneId = village.CommuneId, Year = year, Title = title, SubjectKind = SubjectKindOf(title),
                SubjectId = Interlocked.Increment(ref _nextSubject), VillageId = village.Id, SubjectName = s.Name,
                RegisteredOn = new DateOnly(year, 1, 15),
            };
            var evaluation = new Evaluation
            {
                Registration = registration, CriteriaSetId = set.Id, Status = s.Status, TotalTenths = s.TotalTenths,
                Rating = s.Meets ? "Đạt" : "Chưa đạt", MeetsCriteria = s.Meets,
            };
            db.Add(registration);
            db.Add(evaluation);
            added.Add((s.Name, evaluation));
        }
        await db.SaveChangesAsync();
        return added.ToDictionary(a => a.Name, a => a.Evaluation.Id);
    }

    // The evaluations moved to the unit set scored by level (TT 24/2023/TT-BGDĐT): no points (a total of 0), the level as rating.
    public static async Task ScoreByLevelAsync(this AppFactory app, IEnumerable<int> evaluationIds, string level)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var key = CriteriaLibrarySeeder.KeyOf(ShippedCriteriaSets.UnitLearningTt24);
        var setId = await db.Set<CriteriaSet>().Where(s => s.ShippedKey == key).Select(s => s.Id).SingleAsync();
        var ids = evaluationIds.ToList();
        await db.Set<Evaluation>().Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CriteriaSetId, setId).SetProperty(e => e.TotalTenths, 0).SetProperty(e => e.Rating, level));
    }

    public static async Task<EvaluationStatus> StatusAsync(this AppFactory app, int evaluationId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Evaluation>().Where(e => e.Id == evaluationId).Select(e => e.Status).SingleAsync();
    }

    public static DecisionForm Form(Title title, int year, int number, params int[] evaluationIds) => new()
    {
        Title = title, Year = year, Number = number, IssuedOn = new DateTime(year, 12, 5), IssuingBody = "Ủy ban nhân dân xã Cẩm Tân",
        Place = "Cẩm Tân", SignerName = "Trịnh Văn Chủ", SignerPosition = "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
        Bases = DecisionDefaults.Bases("Cẩm Tân", title, new LegalBasis("448/QĐ-KHVN", "Hội Khuyến học Việt Nam")),
        Article2 = DecisionDefaults.Article2, Article3 = DecisionDefaults.Article3(title), Recipients = DecisionDefaults.Recipients,
        EvaluationIds = [.. evaluationIds],
    };

    private static SubjectKind SubjectKindOf(Title title) => title switch
    {
        Title.FamilyLearning => SubjectKind.Household,
        Title.ClanLearning => SubjectKind.Clan,
        Title.VillageCommunity => SubjectKind.Village,
        Title.UnitLearning => SubjectKind.Unit,
        Title.CitizenLearning => SubjectKind.Person,
        _ => SubjectKind.Commune,
    };
}
