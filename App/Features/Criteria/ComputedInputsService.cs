using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Criteria;

// Gathers, from the registers and the year's evaluations, the figures that computed criteria need, so the engine
// stays pure. A figure with nothing to divide by (a clan without member households) is left out: the engine then
// reports it as missing instead of scoring 0 %.
public sealed class ComputedInputsService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<string, ComputedInput>> GatherAsync(SubjectKind kind, int subjectId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inputs = new Dictionary<string, ComputedInput>();
        switch (kind)
        {
            case SubjectKind.Clan:
                var members = db.Set<ClanMember>().Where(m => m.ClanId == subjectId && m.Household!.Status == HouseholdStatus.Resident).Select(m => m.HouseholdId);
                await AddRateAsync(inputs, ComputedInputKeys.ClanMemberHouseholdsFamilyLearningRate, members, Recognised(db, Title.FamilyLearning, year, SubjectKind.Household), ct);
                break;
            case SubjectKind.Village:
                var households = db.Households.Where(h => h.VillageId == subjectId && h.Status == HouseholdStatus.Resident).Select(h => h.Id);
                await AddRateAsync(inputs, ComputedInputKeys.VillageHouseholdsFamilyLearningRate, households, Recognised(db, Title.FamilyLearning, year, SubjectKind.Household), ct);
                var clans = db.Clans.Where(c => c.Members.Any(m => db.Households.Any(h => h.Id == m.HouseholdId && h.VillageId == subjectId))).Select(c => c.Id);
                await AddRateAsync(inputs, ComputedInputKeys.VillageClansClanLearningRate, clans, Recognised(db, Title.ClanLearning, year, SubjectKind.Clan), ct);
                break;
            case SubjectKind.Commune:
                await GatherCommuneAsync(db, inputs, subjectId, year, ct);
                break;
        }
        return inputs;
    }

    private static async Task GatherCommuneAsync(AppDbContext db, Dictionary<string, ComputedInput> inputs, int communeId, int year, CancellationToken ct)
    {
        var households = db.Households.Where(h => h.CommuneId == communeId && h.Status == HouseholdStatus.Resident).Select(h => h.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneHouseholdsFamilyLearningRate, households, Recognised(db, Title.FamilyLearning, year, SubjectKind.Household), ct);
        var clans = db.Clans.Where(c => c.CommuneId == communeId).Select(c => c.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneClansClanLearningRate, clans, Recognised(db, Title.ClanLearning, year, SubjectKind.Clan), ct);
        var villages = db.Villages.Where(v => v.CommuneId == communeId).Select(v => v.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneVillagesCommunityRate, villages, Recognised(db, Title.VillageCommunity, year, SubjectKind.Village), ct);
        var units = db.Units.Where(u => u.CommuneId == communeId && u.Active).Select(u => u.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneUnitsUnitLearningRate, units, Recognised(db, Title.UnitLearning, year, SubjectKind.Unit), ct);
        // Adults: living people who are 18 or older in the year.
        var adults = db.People.Where(p => p.Household!.CommuneId == communeId && p.Status == PersonStatus.Living && p.BirthYear != null && p.BirthYear <= year - 18)
            .Select(p => p.Id);
        await AddRateAsync(inputs, ComputedInputKeys.CommuneAdultsCitizenLearningRate, adults, Recognised(db, Title.CitizenLearning, year, SubjectKind.Person), ct);
    }

    // Subjects recognised with a title in a year: the one definition every figure of the app uses.
    public static IQueryable<int> Recognised(AppDbContext db, Title title, int year, SubjectKind kind) =>
        db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.SubjectKind == kind
            && r.Evaluation != null && r.Evaluation.Status == EvaluationStatus.Recognised).Select(r => r.SubjectId);

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
