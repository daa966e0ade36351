using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Seeding;

// Registrations and evaluations of the demo commune for the last three years, so every screen has real figures on first
// run: past years decided (công nhận / không công nhận), the current year in every state of the workflow. Scores are
// drawn with a fixed seed and scored by the engine, so totals, ratings and verdicts agree with the criteria sets.
public sealed class DemoScoringSeeder(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(Commune commune, CancellationToken ct = default)
    {
        if (await db.Set<Registration>().AnyAsync(r => r.CommuneId == commune.Id, ct))
        {
            return;
        }
        var random = new Random(2026_11_28);
        var currentYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Setup.VnTime.Zone).Year;
        var households = await db.Households.AsNoTracking().Where(h => h.CommuneId == commune.Id && h.Status == HouseholdStatus.Resident)
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.HeadName, h.Code, h.VillageId }).ToListAsync(ct);
        var clans = await db.Clans.AsNoTracking().Where(c => c.CommuneId == commune.Id).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == commune.Id).OrderBy(v => v.Id).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == commune.Id && u.Active).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name, u.VillageId }).ToListAsync(ct);

        db.Actor = "dữ liệu mẫu";
        db.SkipChangeLog = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registrations = new List<Registration>();
        for (var year = currentYear - 2; year <= currentYear; year++)
        {
            var share = 0.62 + 0.06 * (year - currentYear + 2);
            var sets = new Dictionary<Title, CriteriaSet?>();
            foreach (var title in Enum.GetValues<Title>())
            {
                sets[title] = await CriteriaSetService.ActiveForAsync(db, title, year);
            }
            void Add(Title title, SubjectKind kind, int id, string name, int? village, double registerShare)
            {
                if (sets[title] is { } set && random.NextDouble() < registerShare)
                {
                    registrations.Add(Evaluate(new Registration
                    {
                        CommuneId = commune.Id, Year = year, Title = title, SubjectKind = kind, SubjectId = id, VillageId = village,
                        SubjectName = name, SubjectSearch = VietnameseText.SearchKey(name), RegisteredOn = new DateOnly(year, 3, 1 + random.Next(28)),
                    }, set, year == currentYear, random));
                }
            }
            households.ForEach(h => Add(Title.FamilyLearning, SubjectKind.Household, h.Id, $"Hộ {h.HeadName} ({h.Code})", h.VillageId, share + 0.15));
            clans.ForEach(c => Add(Title.ClanLearning, SubjectKind.Clan, c.Id, c.Name, null, share + 0.1));
            villages.ForEach(v => Add(Title.VillageCommunity, SubjectKind.Village, v.Id, v.Name, v.Id, 0.9));
            units.ForEach(u => Add(Title.UnitLearning, SubjectKind.Unit, u.Id, u.Name, u.VillageId, 0.85));
        }
        BulkInsert.Insert(db, registrations, ct);
        BulkInsert.Insert(db, registrations.Select(r => { r.Evaluation!.RegistrationId = r.Id; return r.Evaluation; }), ct);
        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = nameof(Commune), EntityId = commune.Id.ToString(), Action = "Thêm", By = db.Actor, AtUtc = clock.GetUtcNow().UtcDateTime,
            Changes = $"Hồ sơ mẫu: {registrations.Count} hồ sơ đăng ký và chấm điểm {currentYear - 2}–{currentYear}.",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    // Scores drawn around a level typical of the title; decided in past years, spread over the workflow this year.
    private static Registration Evaluate(Registration registration, CriteriaSet set, bool currentYear, Random random)
    {
        var definition = CriteriaSetJson.Deserialize(set.DefinitionJson);
        var strength = 0.55 + random.NextDouble() * 0.45;
        var items = new Dictionary<string, StoredAnswer>();
        foreach (var item in definition.Items.Where(i => i.Kind != ItemKind.Computed && i.TargetGroupCodes.Count == 0))
        {
            if (item.Kind == ItemKind.MetNotMet)
            {
                items[item.Code] = new StoredAnswer(Met: random.NextDouble() < strength + 0.2);
                continue;
            }
            var step = (item.Step ?? item.Max).Tenths;
            var steps = item.Max.Tenths / Math.Max(1, step);
            var taken = Math.Clamp((int)Math.Round(steps * (strength + (random.NextDouble() - 0.5) * 0.3)), 0, steps);
            items[item.Code] = new StoredAnswer(ScoreTenths: taken * step);
        }
        var answers = new StoredAnswers { Items = items };
        var result = CriteriaEvaluator.Evaluate(definition, answers.ToEngine(new Dictionary<string, ComputedInput>()));
        var status = currentYear
            ? (random.Next(5) switch { 0 => EvaluationStatus.Draft, 1 => EvaluationStatus.Submitted, _ => EvaluationStatus.Reviewed })
            : result.Recognised || random.NextDouble() < 0.5 ? EvaluationStatus.Recognised : EvaluationStatus.NotRecognised;
        if (!currentYear && status == EvaluationStatus.Recognised && !result.Recognised && result.IsComplete)
        {
            status = EvaluationStatus.NotRecognised;
        }
        registration.Evaluation = new Evaluation
        {
            CriteriaSetId = set.Id, Status = status, AnswersJson = answers.ToJson(),
            TotalTenths = result.Total.Tenths, Rating = result.Rating ?? "", MeetsCriteria = result.Recognised,
        };
        return registration;
    }
}
