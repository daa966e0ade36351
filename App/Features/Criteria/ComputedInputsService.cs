using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.YearData;

namespace HocTapSuotDoi.Features.Criteria;

// Gathers, from the registers, the year's evaluations and the figures entered per village or unit, the figures that
// computed criteria need, so the engine stays pure. A figure with nothing to divide by (a clan without member
// households, a village whose figure nobody entered) is left out: the engine then reports it as missing instead of
// scoring 0 %.
public sealed class ComputedInputsService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<string, ComputedInput>> GatherAsync(SubjectKind kind, int subjectId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GatherAsync(db, kind, subjectId, year, ct);
    }

    // On the caller's context, so a recomputation inside a transaction sees what the transaction wrote.
    public static async Task<IReadOnlyDictionary<string, ComputedInput>> GatherAsync(AppDbContext db, SubjectKind kind, int subjectId, int year, CancellationToken ct = default)
    {
        var inputs = new Dictionary<string, ComputedInput>();
        foreach (var (key, population, recognised, _) in Rates(db, kind, subjectId, year))
        {
            await AddRateAsync(inputs, key, population, recognised, ct);
        }
        if (kind is SubjectKind.Village or SubjectKind.Unit)
        {
            var entered = await db.Set<EnteredFigure>().AsNoTracking()
                .Where(f => f.SubjectKind == kind && f.SubjectId == subjectId && f.Year == year && f.OutOf > 0).ToListAsync(ct);
            foreach (var figure in entered)
            {
                inputs[figure.InputKey] = ComputedInput.FromCounts(Math.Min(figure.Count, figure.OutOf), figure.OutOf);
            }
        }
        if (kind == SubjectKind.Commune)
        {
            await GatherCommuneAsync(db, inputs, subjectId, year, ct);
        }
        return inputs;
    }

    // What a dependent sheet still waits for: subjects of the title it counts that meet the criteria and await their
    // recognition decision ("Chờ quyết định công nhận GĐHT năm 2026: đã công nhận 0/21 hộ, 15 hộ đạt tiêu chí chờ quyết định").
    public async Task<IReadOnlyList<string>> WaitingAsync(SubjectKind kind, int subjectId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = new List<string>();
        foreach (var (_, population, recognised, title) in Rates(db, kind, subjectId, year))
        {
            var total = await population.CountAsync(ct);
            var done = await population.CountAsync(id => recognised.Contains(id), ct);
            var pending = await population.CountAsync(id => AwaitingDecision(db, title, year).Contains(id), ct);
            if (total > 0 && pending > 0)
            {
                lines.Add($"Chờ quyết định công nhận {Dashboard.Figures.ShortName(title)} năm {year}: đã công nhận {done}/{total} {Dashboard.Figures.SubjectNoun(title)}, " +
                    $"{pending} {Dashboard.Figures.SubjectNoun(title)} đạt tiêu chí đang chờ quyết định. Điểm tiêu chí này sẽ tự tính lại khi quyết định được ban hành.");
            }
        }
        return lines;
    }

    private static IEnumerable<(ComputedInputKey Key, IQueryable<int> Population, IQueryable<int> Recognised, Title Title)> Rates(
        AppDbContext db, SubjectKind kind, int subjectId, int year)
    {
        switch (kind)
        {
            case SubjectKind.Clan:
                var members = db.Households.ExistingIn(year).Where(h => db.Set<ClanMember>().Any(m => m.ClanId == subjectId && m.HouseholdId == h.Id)).Select(h => h.Id);
                yield return (ComputedInputKeys.ClanMemberHouseholdsFamilyLearningRate, members, Recognised(db, Title.FamilyLearning, year, SubjectKind.Household), Title.FamilyLearning);
                break;
            case SubjectKind.Village:
                // The village's households on 31/12 of the year (YearRule): a household moved by a later village merge counts
                // where it was then.
                var households = db.Households.OfVillageIn(db, subjectId, year).Select(h => h.Id);
                yield return (ComputedInputKeys.VillageHouseholdsFamilyLearningRate, households, Recognised(db, Title.FamilyLearning, year, SubjectKind.Household), Title.FamilyLearning);
                // A clan is the village's when one of those same households is a member: a clan whose households there
                // had left (or not yet come) by 31/12 is not, and a merge leaves earlier years' clans where they were.
                var clans = db.Clans.Where(c => c.Members.Any(m => households.Contains(m.HouseholdId))).Select(c => c.Id);
                yield return (ComputedInputKeys.VillageClansClanLearningRate, clans, Recognised(db, Title.ClanLearning, year, SubjectKind.Clan), Title.ClanLearning);
                break;
        }
    }

    private static async Task GatherCommuneAsync(AppDbContext db, Dictionary<string, ComputedInput> inputs, int communeId, int year, CancellationToken ct)
    {
        var households = db.Households.Where(h => h.CommuneId == communeId).ExistingIn(year).Select(h => h.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneHouseholdsFamilyLearningRate, households, Recognised(db, Title.FamilyLearning, year, SubjectKind.Household), ct);
        var clans = db.Clans.Where(c => c.CommuneId == communeId).ExistingIn(db.Households, year).Select(c => c.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneClansClanLearningRate, clans, Recognised(db, Title.ClanLearning, year, SubjectKind.Clan), ct);
        var villages = db.Villages.Where(v => v.CommuneId == communeId).ExistingIn(year).Select(v => v.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneVillagesCommunityRate, villages, Recognised(db, Title.VillageCommunity, year, SubjectKind.Village), ct);
        var units = db.Units.Where(u => u.CommuneId == communeId).ExistingIn(year).Select(u => u.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneUnitsUnitLearningRate, units, Recognised(db, Title.UnitLearning, year, SubjectKind.Unit), ct);
        // Adults: living people who are 18 or older in the year.
        var adults = db.People.Where(p => p.Household!.CommuneId == communeId && p.BirthYear != null && p.BirthYear <= year - AdultAge).ExistingIn(year)
            .Select(p => p.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneAdultsCitizenLearningRate, adults, Recognised(db, Title.CitizenLearning, year, SubjectKind.Person), ct);
    }

    // The age from which a person counts among the commune's adults (CDHT rate).
    public const int AdultAge = 18;

    // Subjects recognised with a title in a year: the one definition every figure of the app uses.
    public static IQueryable<int> Recognised(AppDbContext db, Title title, int year, SubjectKind kind) =>
        db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.SubjectKind == kind
            && r.Evaluation != null && r.Evaluation.Status == EvaluationStatus.Recognised).Select(r => r.SubjectId);

    // Reviewed, meeting the criteria, not yet in a decision.
    private static IQueryable<int> AwaitingDecision(AppDbContext db, Title title, int year) =>
        db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.Evaluation != null
            && r.Evaluation.Status == EvaluationStatus.Reviewed && r.Evaluation.MeetsCriteria).Select(r => r.SubjectId);

    private static async Task AddRateAsync(Dictionary<string, ComputedInput> inputs, ComputedInputKey key,
        IQueryable<int> population, IQueryable<int> recognisedIds, CancellationToken ct)
    {
        var total = await population.CountAsync(ct);
        var recognised = await population.CountAsync(id => recognisedIds.Contains(id), ct);
        if (total > 0)
        {
            inputs[key.Key] = ComputedInput.FromCounts(recognised, total);
        }
    }
}
