using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring;

// Computed items read other subjects' results (a clan's share of member households recognised GĐHT, a village's
// households and clans, the commune's every title) and figures entered per village or unit. When one of those inputs
// changes, the open evaluations that read it are scored again on the same context, inside the caller's transaction,
// so the stored total, rating and "đạt tiêu chí" never disagree with what the engine computes from today's inputs.
// Decided evaluations (Công nhận, Không công nhận) keep the result they were decided on. See docs/decisions/.
public static class DependentEvaluations
{
    // The history line of a sheet scored again; its "who" is whoever's save caused it, so it is never shown as theirs.
    public const string RecomputedLine = "Tính lại theo số liệu";

    private static readonly EvaluationStatus[] Open = [EvaluationStatus.Draft, EvaluationStatus.Submitted, EvaluationStatus.Reviewed];

    // The subject kinds whose computed items count the recognitions of a title (DOMAIN §4.8, "Dependencies").
    public static IReadOnlyList<SubjectKind> ReadersOf(Title title) => title switch
    {
        Title.FamilyLearning => [SubjectKind.Clan, SubjectKind.Village, SubjectKind.Commune],
        Title.ClanLearning => [SubjectKind.Village, SubjectKind.Commune],
        Title.VillageCommunity or Title.UnitLearning or Title.CitizenLearning => [SubjectKind.Commune],
        _ => [],
    };

    // The order in which titles are decided so that every computed item reads final figures.
    public const string DecisionOrder = "Thứ tự xét công nhận: Gia đình học tập và Công dân học tập trước, rồi Dòng họ học tập và Đơn vị học tập, " +
        "rồi Cộng đồng học tập cấp thôn, cuối cùng Cộng đồng học tập cấp xã. Hồ sơ phụ thuộc được tính lại tự động khi quyết định được ban hành.";

    // The answers whose result is stored: a self-assessment until the reviewer has answers of their own.
    public static StoredAnswers AnswersInPlay(Evaluation evaluation, Title title) =>
        ScoringTexts.IsSelfAssessed(title) && (evaluation.Status == EvaluationStatus.Draft || evaluation.AnswersJson == "{}")
            ? StoredAnswers.Parse(evaluation.SelfAnswersJson)
            : StoredAnswers.Parse(evaluation.AnswersJson);

    /// <summary>Scores again the open evaluations of the year whose subjects are of the given kinds (and, when given,
    /// among the given subject ids); writes an audit line where the total, rating or verdict changed.</summary>
    /// <returns>How many evaluations changed.</returns>
    public static async Task<int> RecomputeAsync(AppDbContext db, int communeId, int year, IReadOnlyCollection<SubjectKind> kinds,
        string because, DateTime atUtc, IReadOnlyCollection<int>? subjectIds = null, CancellationToken ct = default)
    {
        if (kinds.Count == 0)
        {
            return 0;
        }
        var query = db.Set<Evaluation>().Include(e => e.Registration)
            .Where(e => Open.Contains(e.Status) && e.Registration!.CommuneId == communeId && e.Registration.Year == year
                && kinds.Contains(e.Registration.SubjectKind));
        if (subjectIds is not null)
        {
            query = query.Where(e => subjectIds.Contains(e.Registration!.SubjectId));
        }
        var evaluations = await query.ToListAsync(ct);
        var sets = new Dictionary<int, CriteriaSetDefinition>();
        var changed = 0;
        foreach (var evaluation in evaluations)
        {
            if (!sets.TryGetValue(evaluation.CriteriaSetId, out var set))
            {
                var json = await db.Set<CriteriaSet>().Where(s => s.Id == evaluation.CriteriaSetId).Select(s => s.DefinitionJson).SingleAsync(ct);
                sets[evaluation.CriteriaSetId] = set = CriteriaSetJson.Deserialize(json);
            }
            if (!set.Items.Any(i => i.Kind == ItemKind.Computed))
            {
                continue;
            }
            var registration = evaluation.Registration!;
            var figures = await ComputedInputsService.GatherAsync(db, registration.SubjectKind, registration.SubjectId, year, ct);
            var result = CriteriaEvaluator.Evaluate(set, AnswersInPlay(evaluation, registration.Title).ToEngine(figures));
            var before = Describe(evaluation.TotalTenths, evaluation.Rating, evaluation.MeetsCriteria);
            var after = Describe(result.Total.Tenths, result.Rating ?? "", result.Recognised);
            if (before == after)
            {
                continue;
            }
            evaluation.TotalTenths = result.Total.Tenths;
            evaluation.Rating = result.Rating ?? "";
            evaluation.MeetsCriteria = result.Recognised;
            db.Add(new EvaluationAudit
            {
                EvaluationId = evaluation.Id, AtUtc = atUtc, By = db.Actor, What = RecomputedLine, Old = before, New = after,
                Reason = because.Length > 1000 ? because[..1000] : because,
            });
            changed++;
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static string Describe(int totalTenths, string rating, bool meets) =>
        $"{Points.FromTenths(totalTenths)} điểm{(rating.Length > 0 ? " · " + rating : "")} · {(meets ? "Đạt tiêu chí" : "Chưa đạt tiêu chí")}";
}

// Register changes (a household added, moved, moved out; a clan's members) feed the computed items of the years they
// touch: this year, and every year since a dated change (a move out recorded in January that happened in December).
public static class RegisterDependents
{
    // Sheets further back than this are history; a change dated before it rescored nothing there.
    private const int YearsBack = 10;

    public static int ThisYear(TimeProvider clock) => new VnClock(clock).Year;

    /// <summary>Scores again the open clan, village and commune sheets that count the given households, of this year
    /// and, when the change is dated in an earlier year (<paramref name="fromYear"/>), of every year since.</summary>
    public static async Task RecomputeAsync(AppDbContext db, int communeId, TimeProvider clock, IReadOnlyCollection<int> householdIds,
        IReadOnlyCollection<int> villageIds, int? clanId = null, int? fromYear = null, CancellationToken ct = default)
    {
        var thisYear = ThisYear(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        const string because = "Sổ theo dõi thay đổi (hộ, thôn hoặc thành viên dòng họ)";
        var clans = await db.ClanMembers.Where(m => householdIds.Contains(m.HouseholdId)).Select(m => m.ClanId).Distinct().ToListAsync(ct);
        if (clanId is { } id)
        {
            clans.Add(id);
        }
        var villages = villageIds.Distinct().ToList();
        for (var year = Math.Clamp(fromYear ?? thisYear, thisYear - YearsBack, thisYear); year <= thisYear; year++)
        {
            await DependentEvaluations.RecomputeAsync(db, communeId, year, [SubjectKind.Clan], because, now, clans, ct);
            await DependentEvaluations.RecomputeAsync(db, communeId, year, [SubjectKind.Village], because, now, villages, ct);
            await DependentEvaluations.RecomputeAsync(db, communeId, year, [SubjectKind.Commune], because, now, [communeId], ct);
        }
    }
}
