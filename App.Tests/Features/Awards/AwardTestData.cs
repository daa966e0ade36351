using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Awards;

// A household of the register whose "Gia đình học tập" was recognised in the given years (written straight to the
// database: scoring and decisions are other features), and rounds made through the real service.
public static class AwardTestData
{
    private static int _next;

    public static async Task<int> AddRecognisedHouseholdAsync(this AppFactory app, string headName, string villageCode, params int[] years)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var village = await db.Villages.SingleAsync(v => v.Code == villageCode);
        var household = new Household
        {
            CommuneId = village.CommuneId, VillageId = village.Id, Code = $"KT-{Interlocked.Increment(ref _next):0000}-{Guid.NewGuid():N}"[..20],
            HeadName = headName, HeadNameSearch = VietnameseText.SearchKey(headName),
        };
        db.Add(household);
        await db.SaveChangesAsync();
        foreach (var year in years)
        {
            var set = await CriteriaSetService.ActiveForAsync(db, Title.FamilyLearning, year) ?? throw new InvalidOperationException($"GĐHT {year}");
            var registration = new Registration
            {
                CommuneId = village.CommuneId, Year = year, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household, SubjectId = household.Id,
                VillageId = village.Id, SubjectName = $"Hộ {headName} ({household.Code})", RegisteredOn = new DateOnly(year, 1, 15),
            };
            db.Add(registration);
            db.Add(new Evaluation { Registration = registration, CriteriaSetId = set.Id, Status = EvaluationStatus.Recognised, TotalTenths = 900, Rating = "Đạt", MeetsCriteria = true });
        }
        await db.SaveChangesAsync();
        return household.Id;
    }

    // The round of that kind and year, made by the committee if it is not there yet.
    public static async Task<int> RoundAsync(this AppFactory app, AwardRoundKind kind, int year)
    {
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            if (await db.Set<AwardRound>().Where(r => r.Kind == kind && r.Year == year).Select(r => (int?)r.Id).SingleOrDefaultAsync() is { } id)
            {
                return id;
            }
        }
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        return await scope.ServiceProvider.GetRequiredService<AwardService>().CreateRoundAsync(new RoundForm { Kind = kind, Year = year });
    }

    // The proposal's version now, as a page loaded now would hold it.
    public static async Task<int> ProposalVersionAsync(this AppFactory app, int proposalId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<AwardProposal>().Where(p => p.Id == proposalId).Select(p => p.Version).SingleAsync();
    }

    public static RoundDocumentsForm Documents(int roundId, int version) => new()
    {
        RoundId = roundId, Version = version, CouncilMeeting = "Biên bản họp số 05/BB-HĐTĐKT ngày 10/12/2025",
        DecisionNumber = 215, DecisionDate = new DateTime(2025, 12, 20), SubmissionNumber = 48, SubmissionDate = new DateTime(2025, 12, 20),
        SignerName = "Trịnh Đình Long", SignerPosition = "CHỦ TỊCH",
    };
}
