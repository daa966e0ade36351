using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Initiatives;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Seeding;

// The 2025 sơ kết round of the demo commune, made the way the committee makes it: a few initiatives recognised in
// 2024–2025, the round created, proposals taken from the app's own eligibility hints, the council's answers (one
// refused, with its reason), the decision issued (which locks the list) and the proposal to the province. Through AwardService's
// own rules; idempotent (a commune that has any round is left alone).
public sealed class AwardDemoSeeder(AppDbContext db)
{
    private const string Council = "Hội đồng Thi đua - Khen thưởng xã";

    public async Task SeedAsync(Commune commune, CancellationToken ct = default)
    {
        if (await db.Set<AwardRound>().AnyAsync(r => r.CommuneId == commune.Id, ct))
        {
            return;
        }
        db.Actor = "dữ liệu mẫu";
        await AddInitiativesAsync(commune.Id, ct);
        var roundId = await AwardService.CreateRoundAsync(db, commune.Id, new RoundForm { Kind = AwardRoundKind.MidTermReview, Year = 2025 }, ct);
        var round = await db.Set<AwardRound>().SingleAsync(r => r.Id == roundId, ct);
        var hints = await AwardHints.ForAsync(db, round, ct);
        var quota = new Dictionary<SubjectKind, int> { [SubjectKind.Household] = 4, [SubjectKind.Clan] = 2, [SubjectKind.Village] = 2, [SubjectKind.Unit] = 2, [SubjectKind.Person] = 2 };
        var proposals = new List<int>();
        foreach (var hint in hints.Where(h => quota.ContainsKey(h.Kind)).GroupBy(h => h.Kind).OrderBy(g => g.Key).SelectMany(g => g.Take(quota[g.Key])))
        {
            proposals.Add(await AwardService.ProposeAsync(db, commune.Id, new ProposalForm
            {
                RoundId = roundId, SubjectKind = hint.Kind, SubjectId = hint.Id, Form = FormFor(hint, proposals.Count), Achievements = hint.Achievements,
            }, ct));
        }
        var at = new DateTime(2025, 12, 10, 2, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < proposals.Count; i++)
        {
            var refuse = i == proposals.Count - 1;
            var version = await db.Set<AwardProposal>().Where(p => p.Id == proposals[i]).Select(p => p.Version).SingleAsync(ct);
            await AwardService.ReviewAsync(db, commune.Id, proposals[i], version, !refuse,
                refuse ? "Thành tích chưa tiêu biểu so với các đối tượng khác trong xã; xét lại ở đợt tổng kết." : null, Council, at, ct);
        }
        round = await db.Set<AwardRound>().SingleAsync(r => r.Id == roundId, ct);
        AwardService.ApplyDocuments(round, new RoundDocumentsForm
        {
            CouncilMeeting = "Biên bản họp số 05/BB-HĐTĐKT ngày 10/12/2025", DecisionNumber = 215, DecisionDate = new DateTime(2025, 12, 20),
            SubmissionNumber = 48, SubmissionDate = new DateTime(2025, 12, 20), SignerName = "Trịnh Đình Long", SignerPosition = "CHỦ TỊCH",
        });
        await db.Entry(round).Collection(r => r.Proposals).LoadAsync(ct);
        AwardService.Issue(round, "Trịnh Đình Long", new DateTime(2025, 12, 20, 3, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync(ct);
    }

    // The committee's choice: units and villages with a recognised initiative go to the province, the first household
    // to the central Hội Khuyến học; the others take the suggested form.
    private static AwardForm FormFor(EligibilityHint hint, int index) => hint switch
    {
        { Initiatives: > 0 } => AwardForm.ProvinceCertificate,
        { Kind: SubjectKind.Household } when index == 0 => AwardForm.CentralCertificate,
        _ => hint.SuggestedForm,
    };

    // Initiatives and good models of units and villages, recognised by the commune in 2024 and 2025.
    private async Task AddInitiativesAsync(int communeId, CancellationToken ct)
    {
        if (await db.Set<Initiative>().AnyAsync(i => i.CommuneId == communeId, ct))
        {
            return;
        }
        var units = await db.Units.Where(u => u.CommuneId == communeId).ToDictionaryAsync(u => u.Code, ct);
        var villages = await db.Villages.Where(v => v.CommuneId == communeId).ToDictionaryAsync(v => v.Code, ct);
        (string Title, InitiativeKind Kind, InitiativeAuthorKind Author, string Code, int Year, string Number, DateOnly Date)[] seeds =
        [
            ("Tủ sách dùng chung cho học sinh và phụ huynh", InitiativeKind.GoodModel, InitiativeAuthorKind.Unit, "THCS", 2024, "112/QĐ-UBND", new DateOnly(2024, 12, 18)),
            ("Lớp tin học cơ bản buổi tối cho hội viên nông dân", InitiativeKind.EffectivePractice, InitiativeAuthorKind.Unit, "HND", 2025, "208/QĐ-UBND", new DateOnly(2025, 12, 15)),
            ("Quỹ khuyến học thôn gắn với hương ước", InitiativeKind.GoodModel, InitiativeAuthorKind.Village, "T01", 2024, "112/QĐ-UBND", new DateOnly(2024, 12, 18)),
            ("Sinh hoạt chuyên đề học tập cộng đồng hằng tháng", InitiativeKind.Initiative, InitiativeAuthorKind.Village, "T02", 2025, "208/QĐ-UBND", new DateOnly(2025, 12, 15)),
        ];
        foreach (var s in seeds)
        {
            var unit = s.Author == InitiativeAuthorKind.Unit ? units.GetValueOrDefault(s.Code) : null;
            var village = s.Author == InitiativeAuthorKind.Village ? villages.GetValueOrDefault(s.Code) : null;
            if (unit is null && village is null)
            {
                continue;
            }
            var author = unit?.Name ?? village!.Name;
            db.Add(new Initiative
            {
                CommuneId = communeId, UnitId = unit?.Id, VillageId = village?.Id, Year = s.Year, Status = InitiativeStatus.Recognised, DecisionDate = s.Date,
                Content = new()
                {
                    Kind = s.Kind, AuthorKind = s.Author, AuthorName = author, Title = s.Title, ApplicationScope = "Toàn xã",
                    Evidence = "Báo cáo kết quả thực hiện của đơn vị", DecisionNumber = s.Number,
                },
                SearchKey = VietnameseText.SearchKey($"{s.Title} {author}"),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
