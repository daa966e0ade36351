using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// Sheets made through the real workflow: registered, every item a person fills given its best answer by an
// administrator, submitted, then reviewed by the committee.
public static class ScoringTestData
{
    public static async Task<int> RegisterAsync(this AppFactory app, Title title, SubjectKind kind, int subjectId, string name, int year, int? villageId = null)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.Select(c => c.Id).FirstAsync();
        var registration = new Registration
        {
            CommuneId = commune, Year = year, Title = title, SubjectKind = kind, SubjectId = subjectId, VillageId = villageId,
            SubjectName = name, SubjectSearch = VietnameseText.SearchKey(name), RegisteredOn = new DateOnly(year, 2, 1),
        };
        db.Add(registration);
        await db.SaveChangesAsync();
        return registration.Id;
    }

    /// <returns>The evaluation's id.</returns>
    public static async Task<int> ScoreAndReviewAsync(this AppFactory app, int registrationId)
    {
        int evaluationId;
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var service = scope.ServiceProvider.GetRequiredService<EvaluationService>();
            var sheet = await service.OpenAsync(registrationId);
            evaluationId = sheet.EvaluationId;
            var version = sheet.Version;
            foreach (var item in sheet.Set.Items.Where(i => i.Kind != ItemKind.Computed))
            {
                var answer = item.Kind == ItemKind.Points ? new StoredAnswer(ScoreTenths: item.Max.Tenths) : new StoredAnswer(Met: true);
                version = await service.SaveAnswerAsync(evaluationId, version, item.Code, answer);
            }
            await service.SubmitAsync(evaluationId, version);
        }
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var service = scope.ServiceProvider.GetRequiredService<EvaluationService>();
            var sheet = await service.OpenAsync(registrationId);
            await service.ReviewAsync(evaluationId, sheet.Version);
        }
        return evaluationId;
    }

    public static async Task<Evaluation> EvaluationAsync(this AppFactory app, int evaluationId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Evaluation>().AsNoTracking().SingleAsync(e => e.Id == evaluationId);
    }
}
