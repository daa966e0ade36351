using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Targets;
using HocTapSuotDoi.Features.Villages;

namespace HocTapSuotDoi.Features.Dashboard;

// The one query path for every figure the dashboard, the village table, the scorer's page and the yearly report show.
// Populations (the denominators of "% of all") are year-true (YearRule: what existed on 31/12 of the year): resident households, living people of registrable
// age in the year (CitizenAge) of resident households, the commune's clans, its villages, its active units. Registered,
// evaluated and recognised subjects are counted inside those populations, so a household that moved away leaves both
// sides of the fraction.
// "Recognised" is ComputedInputsService.Recognised, the app's single definition.
public static class DashboardQueries
{
    public static async Task<YearFigures> YearAsync(AppDbContext db, int communeId, int year, IReadOnlyCollection<int>? villageIds = null, CancellationToken ct = default)
    {
        var targets = await TargetService.EffectiveAsync(db, communeId, [year], ct);
        var villages = await Villages(db, communeId, villageIds).ExistingIn(year).OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Id, v.Code, v.Name }).ToListAsync(ct);
        // A village merged after this year: its households are counted in the village they belonged to then.
        var moved = await YearRule.AnyVillageChangeAfterAsync(db, year, ct);

        var households = await CountAsync(db, HouseholdsByVillage(db, communeId, villageIds, year, moved), Title.FamilyLearning, SubjectKind.Household, year, ct, withAwaiting: true);
        // People once, keyed by village and target group together; both breakdowns are sums of it.
        var peopleByVillageAndGroup = await CountAsync(db, PeopleByVillageAndGroup(db, communeId, villageIds, year, moved), Title.CitizenLearning, SubjectKind.Person, year, ct, withAwaiting: true);
        var people = SumBy(peopleByVillageAndGroup, key => key / GroupSlots);
        var groups = SumBy(peopleByVillageAndGroup, key => key % GroupSlots);
        var community = await CountAsync(db, Villages(db, communeId, villageIds).ExistingIn(year).Select(v => new Keyed { Key = v.Id, Id = v.Id }), Title.VillageCommunity, SubjectKind.Village, year, ct, withAwaiting: true);
        // Clans span villages and most units serve the whole commune: counted for the commune only.
        var clans = villageIds is null ? Sum(await CountAsync(db, db.Clans.Where(c => c.CommuneId == communeId).ExistingIn(db.Households, year).Select(c => new Keyed { Key = 0, Id = c.Id }), Title.ClanLearning, SubjectKind.Clan, year, ct, withAwaiting: true)) : SubjectCounts.Zero;
        var units = villageIds is null ? Sum(await CountAsync(db, db.Units.Where(u => u.CommuneId == communeId).ExistingIn(year).Select(u => new Keyed { Key = 0, Id = u.Id }), Title.UnitLearning, SubjectKind.Unit, year, ct, withAwaiting: true)) : SubjectCounts.Zero;

        var totals = new Dictionary<Title, SubjectCounts>
        {
            [Title.FamilyLearning] = Sum(households),
            [Title.ClanLearning] = clans,
            [Title.VillageCommunity] = Sum(community),
            [Title.UnitLearning] = units,
            [Title.CitizenLearning] = Sum(people),
        };
        var titles = Figures.Titles.Select(t => Assess(t, totals[t], Target(targets, t, year))).ToList();
        var villageRows = villages.Select(v => new VillageFigures(v.Id, v.Code, v.Name,
            households.GetValueOrDefault(v.Id, SubjectCounts.Zero), people.GetValueOrDefault(v.Id, SubjectCounts.Zero),
            community.GetValueOrDefault(v.Id, SubjectCounts.Zero))).ToList();
        var groupRows = Enum.GetValues<CitizenGroup>().Select(g => new TargetGroupFigures(g, groups.GetValueOrDefault((int)g, SubjectCounts.Zero)))
            .Where(g => g.Group != CitizenGroup.None || g.Counts.Total > 0).ToList();
        return new YearFigures(year, titles, villageRows, groupRows);
    }

    // Commune totals per title for a run of years (the trend), through the same counting as YearAsync.
    public static async Task<IReadOnlyList<TrendPoint>> TrendAsync(AppDbContext db, int communeId, int fromYear, int toYear, CancellationToken ct = default)
    {
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();
        var targets = await TargetService.EffectiveAsync(db, communeId, years, ct);
        var points = new List<TrendPoint>();
        // A population per year: the people of registrable age change with the year, the others do not.
        var populations = new (Title Title, SubjectKind Kind, Func<int, IQueryable<Keyed>> Population)[]
        {
            (Title.FamilyLearning, SubjectKind.Household, year => Households(db, communeId, null, year).Select(h => new Keyed { Key = 0, Id = h.Id })),
            (Title.ClanLearning, SubjectKind.Clan, year => db.Clans.Where(c => c.CommuneId == communeId).ExistingIn(db.Households, year).Select(c => new Keyed { Key = 0, Id = c.Id })),
            (Title.VillageCommunity, SubjectKind.Village, year => Villages(db, communeId, null).ExistingIn(year).Select(v => new Keyed { Key = 0, Id = v.Id })),
            (Title.UnitLearning, SubjectKind.Unit, year => db.Units.Where(u => u.CommuneId == communeId).ExistingIn(year).Select(u => new Keyed { Key = 0, Id = u.Id })),
            (Title.CitizenLearning, SubjectKind.Person, year => People(db, communeId, null, year).Select(p => new Keyed { Key = 0, Id = p.Id })),
        };
        // Years without any registration are known to be empty without counting.
        var yearsWithData = await db.Set<Registration>().Where(r => r.CommuneId == communeId && r.Year >= fromYear && r.Year <= toYear)
            .Select(r => r.Year).Distinct().ToListAsync(ct);
        foreach (var (title, kind, population) in populations)
        {
            foreach (var year in years)
            {
                var counts = yearsWithData.Contains(year)
                    ? Sum(await CountAsync(db, population(year), title, kind, year, ct))
                    : SubjectCounts.Zero with { Total = await population(year).CountAsync(ct) };
                points.Add(new TrendPoint(year, title, counts, Target(targets, title, year)));
            }
        }
        return points;
    }

    // The trend's points of one year taken from its commune-wide figures (YearAsync without villages): the same points
    // as TrendAsync for that year, which leaves "awaiting a decision" out.
    public static IReadOnlyList<TrendPoint> TrendPoints(YearFigures figures) =>
        figures.Titles.Select(t => new TrendPoint(figures.Year, t.Title, t.Counts with { AwaitingDecision = 0 }, t.Target)).ToList();

    public static IQueryable<int> Registered(AppDbContext db, Title title, int year, SubjectKind kind) =>
        db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.SubjectKind == kind).Select(r => r.SubjectId);

    // Reviewed, meeting the criteria, and not yet in a decision: "đạt tiêu chí, chờ quyết định" (issuing a decision moves
    // the evaluation to Recognised).
    public static IQueryable<int> AwaitingDecision(AppDbContext db, Title title, int year, SubjectKind kind) =>
        db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.SubjectKind == kind
            && r.Evaluation != null && r.Evaluation.Status == EvaluationStatus.Reviewed && r.Evaluation.MeetsCriteria).Select(r => r.SubjectId);

    // Evaluated: scoring finished (submitted, reviewed or decided); a draft is still to score.
    public static IQueryable<int> Evaluated(AppDbContext db, Title title, int year, SubjectKind kind) =>
        db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.SubjectKind == kind
            && r.Evaluation != null && r.Evaluation.Status != EvaluationStatus.Draft).Select(r => r.SubjectId);

    private static TitleFigures Assess(Title title, SubjectCounts counts, EffectiveTarget? target)
    {
        var (status, gap) = Figures.Assess(counts, target);
        return new TitleFigures(title, counts, target, status, gap);
    }

    private static EffectiveTarget? Target(IReadOnlyDictionary<(TargetIndicator, int), EffectiveTarget> targets, Title title, int year) =>
        TargetIndicators.ForTitle(title) is { } indicator ? targets.GetValueOrDefault((indicator, year)) : null;

    private const int GroupSlots = 8;

    private static Dictionary<int, SubjectCounts> SumBy(Dictionary<int, SubjectCounts> counts, Func<int, int> key) =>
        counts.GroupBy(c => key(c.Key)).ToDictionary(g => g.Key, g => g.Aggregate(SubjectCounts.Zero, (a, b) => a.Plus(b.Value)));

    private static SubjectCounts Sum(Dictionary<int, SubjectCounts> counts) => counts.Values.Aggregate(SubjectCounts.Zero, (a, b) => a.Plus(b));

    // Totals and the counts grouped by key (village, target group or nothing), set-based in two grouped statements per
    // population: "SELECT key, COUNT(*) ... GROUP BY key" over the population (read from covering indexes, migration
    // DashboardCoveringIndexes), and the title's registrations of the year joined to the population, "GROUP BY key,
    // state". Subjects without a registration are the difference. A subject has at most one registration per title and
    // year (unique index), so the join counts each registered subject once. The states are the same predicates as
    // Registered, Evaluated, ComputedInputsService.Recognised and AwaitingDecision above (tested against them and
    // against a per-subject count).
    private static async Task<Dictionary<int, SubjectCounts>> CountAsync(AppDbContext db, IQueryable<Keyed> population, Title title, SubjectKind kind, int year,
        CancellationToken ct, bool withAwaiting = false)
    {
        var totals = await population.GroupBy(p => p.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var states = await db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.SubjectKind == kind)
            .Join(population, r => r.SubjectId, p => p.Id, (r, p) => new
            {
                p.Key,
                State = r.Evaluation == null || r.Evaluation.Status == EvaluationStatus.Draft ? StateRegistered
                    : r.Evaluation.Status == EvaluationStatus.Recognised ? StateRecognised
                    : r.Evaluation.Status == EvaluationStatus.Reviewed && r.Evaluation.MeetsCriteria ? StateAwaiting
                    : StateEvaluated,
            })
            .GroupBy(x => new { x.Key, x.State })
            .Select(g => new { g.Key.Key, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var byKey = states.ToLookup(s => s.Key);
        return totals.ToDictionary(t => t.Key, t =>
        {
            var registered = byKey[t.Key];
            int Count(Func<int, bool> state) => registered.Where(c => state(c.State)).Sum(c => c.Count);
            return new SubjectCounts(t.Count, Count(_ => true), Count(s => s >= StateEvaluated), Count(s => s == StateRecognised),
                withAwaiting ? Count(s => s == StateAwaiting) : 0);
        });
    }

    // A registered subject's state in the title and year (ordered: every state from Evaluated on is evaluated).
    private const int StateRegistered = 1, StateEvaluated = 2, StateRecognised = 3, StateAwaiting = 4;

    private static IQueryable<Village> Villages(AppDbContext db, int communeId, IReadOnlyCollection<int>? villageIds) =>
        villageIds is null ? db.Villages.Where(v => v.CommuneId == communeId) : db.Villages.Where(v => v.CommuneId == communeId && villageIds.Contains(v.Id));

    private static IQueryable<Household> Households(AppDbContext db, int communeId, IReadOnlyCollection<int>? villageIds, int year)
    {
        var q = db.Households.Where(h => h.CommuneId == communeId).ExistingIn(year);
        return villageIds is null ? q : q.Where(h => villageIds.Contains(h.VillageId));
    }

    // Households keyed by the village they belonged to on 31/12 of the year (YearRule): with no village change after
    // that day, the village they are in now.
    private static IQueryable<Keyed> HouseholdsByVillage(AppDbContext db, int communeId, IReadOnlyCollection<int>? villageIds, int year, bool moved)
    {
        var households = db.Households.Where(h => h.CommuneId == communeId).ExistingIn(year);
        var end = YearRule.EndOf(year);
        var keyed = moved
            ? households.Select(h => new Keyed
            {
                Key = db.Set<HouseholdVillageChange>().Where(c => c.HouseholdId == h.Id && c.On > end).OrderBy(c => c.On)
                    .Select(c => (int?)c.FromVillageId).FirstOrDefault() ?? h.VillageId,
                Id = h.Id,
            })
            : households.Select(h => new Keyed { Key = h.VillageId, Id = h.Id });
        return villageIds is null ? keyed : keyed.Where(k => villageIds.Contains(k.Key));
    }

    private static IQueryable<Keyed> PeopleByVillageAndGroup(AppDbContext db, int communeId, IReadOnlyCollection<int>? villageIds, int year, bool moved)
    {
        var bornBy = CitizenAge.LatestBirthYear(year);
        var people = db.People.Where(p => p.BirthYear <= bornBy && p.Household!.CommuneId == communeId).ExistingIn(year);
        var end = YearRule.EndOf(year);
        var placed = moved
            ? people.Select(p => new { p.Id, p.TargetGroup, VillageId = db.Set<HouseholdVillageChange>().Where(c => c.HouseholdId == p.HouseholdId && c.On > end)
                .OrderBy(c => c.On).Select(c => (int?)c.FromVillageId).FirstOrDefault() ?? p.Household!.VillageId })
            : people.Select(p => new { p.Id, p.TargetGroup, p.Household!.VillageId });
        if (villageIds is not null)
        {
            placed = placed.Where(p => villageIds.Contains(p.VillageId));
        }
        return placed.Select(p => new Keyed { Key = p.VillageId * GroupSlots + (int)p.TargetGroup, Id = p.Id });
    }

    // The population of Công dân học tập: living people of registrable age in the year (CitizenAge).
    private static IQueryable<Person> People(AppDbContext db, int communeId, IReadOnlyCollection<int>? villageIds, int year)
    {
        var bornBy = CitizenAge.LatestBirthYear(year);
        var q = db.People.Where(p => p.BirthYear <= bornBy && p.Household!.CommuneId == communeId).ExistingIn(year);
        return villageIds is null ? q : q.Where(p => villageIds.Contains(p.Household!.VillageId));
    }

    private sealed class Keyed
    {
        public int Key { get; init; }
        public int Id { get; init; }
    }
}
