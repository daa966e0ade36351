using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Emulation;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Features.Initiatives;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Awards;

// Gathers what the app knows over a round's years (recognitions in issued decisions, recognised initiatives linked to a
// village or unit, accepted emulation self-reports, receipts of the khuyến học fund that name the household, person, unit
// or village that gave them) and turns it into hints with Eligibility's rules.
public static class AwardHints
{
    private static readonly (Title Title, SubjectKind Kind)[] Titles =
    [
        (Title.FamilyLearning, SubjectKind.Household), (Title.ClanLearning, SubjectKind.Clan), (Title.VillageCommunity, SubjectKind.Village),
        (Title.UnitLearning, SubjectKind.Unit), (Title.CitizenLearning, SubjectKind.Person),
    ];

    public static async Task<IReadOnlyList<EligibilityHint>> ForAsync(AppDbContext db, AwardRound round, CancellationToken ct = default)
    {
        var (from, to) = (round.FromYear, round.ToYear);
        var recognised = await db.Set<Registration>().AsNoTracking()
            .Where(r => r.CommuneId == round.CommuneId && r.Year >= from && r.Year <= to
                && r.Evaluation != null && r.Evaluation.Status == EvaluationStatus.Recognised && r.SubjectKind != SubjectKind.Commune)
            .Select(r => new { r.Title, r.SubjectKind, r.SubjectId, r.Year, r.SubjectName, r.VillageId })
            .ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == round.CommuneId).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == round.CommuneId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var initiatives = await db.Set<Initiative>().AsNoTracking()
            .Where(i => i.CommuneId == round.CommuneId && i.Status == InitiativeStatus.Recognised && i.Year >= from && i.Year <= to
                && (i.UnitId != null || (i.VillageId != null && i.Content.AuthorKind == InitiativeAuthorKind.Village)))
            .Select(i => new { i.UnitId, i.VillageId, i.Year, i.Content.Title }).ToListAsync(ct);
        var selfReports = await db.Set<EmulationSelfReport>().AsNoTracking()
            .Where(s => s.CommuneId == round.CommuneId && s.Status == SelfReportStatus.Accepted && s.Year >= from && s.Year <= to)
            .Select(s => new { s.SubjectKind, s.SubjectId, s.Year }).ToListAsync(ct);

        // Contributions: the fund's receipts of the round's years linked to a register row; a receipt naming only a
        // village is the village's own.
        var receipts = await db.Set<FundEntry>().AsNoTracking()
            .Where(e => e.CommuneId == round.CommuneId && e.Kind == FundEntryKind.Receipt && e.Year >= from && e.Year <= to
                && (e.PersonId != null || e.HouseholdId != null || e.UnitId != null || e.VillageId != null))
            .Select(e => new { e.PersonId, e.HouseholdId, e.UnitId, e.VillageId, e.Details.Amount }).ToListAsync(ct);
        var givers = receipts.GroupBy(e => e.PersonId is { } p ? (SubjectKind.Person, p) : e.HouseholdId is { } h ? (SubjectKind.Household, h)
                : e.UnitId is { } u ? (SubjectKind.Unit, u) : (SubjectKind.Village, e.VillageId!.Value))
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        var householdIds = givers.Keys.Where(k => k.Item1 == SubjectKind.Household).Select(k => k.Item2).ToList();
        var personIds = givers.Keys.Where(k => k.Item1 == SubjectKind.Person).Select(k => k.Item2).ToList();
        var householdNames = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, Name = "Hộ " + h.HeadName + " (" + h.Code + ")", Village = h.Village!.Name }).ToDictionaryAsync(h => h.Id, ct);
        var personNames = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, Village = p.Household!.Village!.Name }).ToDictionaryAsync(p => p.Id, ct);

        var records = new Dictionary<(SubjectKind, int), SubjectRecord>();
        SubjectRecord Record(SubjectKind kind, int id, string name, string village)
        {
            if (!records.TryGetValue((kind, id), out var record))
            {
                var title = Titles.First(t => t.Kind == kind).Title;
                record = new SubjectRecord(kind, id, name, village, title, new List<int>(), new List<(int, string)>(), new List<int>());
                records[(kind, id)] = record;
            }
            return record;
        }
        foreach (var r in recognised.Where(r => Titles.Any(t => t.Title == r.Title && t.Kind == r.SubjectKind)).OrderByDescending(r => r.Year))
        {
            var village = r.SubjectKind is SubjectKind.Household or SubjectKind.Person && r.VillageId is { } v ? villages.GetValueOrDefault(v, "") : "";
            ((List<int>)Record(r.SubjectKind, r.SubjectId, r.SubjectName, village).RecognisedYears).Add(r.Year);
        }
        foreach (var i in initiatives)
        {
            var record = i.UnitId is { } unit && units.TryGetValue(unit, out var unitName) ? Record(SubjectKind.Unit, unit, unitName, "")
                : i.VillageId is { } village && villages.TryGetValue(village, out var villageName) ? Record(SubjectKind.Village, village, villageName, "") : null;
            ((List<(int, string)>?)record?.Initiatives)?.Add((i.Year, i.Title));
        }
        foreach (var ((kind, id), amount) in givers)
        {
            var (name, village) = kind switch
            {
                SubjectKind.Household when householdNames.TryGetValue(id, out var h) => (h.Name, h.Village),
                SubjectKind.Person when personNames.TryGetValue(id, out var p) => (p.FullName, p.Village),
                SubjectKind.Unit when units.TryGetValue(id, out var u) => (u, ""),
                SubjectKind.Village when villages.TryGetValue(id, out var v) => (v, ""),
                _ => ("", ""),
            };
            if (name.Length > 0)
            {
                var record = Record(kind, id, name, village);
                records[(kind, id)] = record with { Contributions = record.Contributions + amount };
            }
        }
        foreach (var s in selfReports)
        {
            var kind = s.SubjectKind == ReportSubjectKind.Unit ? SubjectKind.Unit : SubjectKind.Village;
            if (records.TryGetValue((kind, s.SubjectId), out var record))
            {
                ((List<int>)record.AcceptedSelfReports).Add(s.Year);
            }
        }
        var gone = await GoneAsync(db, records.Keys.ToList(), ct);
        return records.Values.Where(r => !gone.Contains((r.Kind, r.Id))).Select(r => Eligibility.Hint(round.Kind, from, to, r with { Name = PrintedName(r.Kind, r.Name) }))
            .OfType<EligibilityHint>()
            .OrderByDescending(h => h.Weight).ThenBy(h => h.Kind).ThenBy(h => h.Name, StringComparer.Create(Setup.AppServices.Vietnamese, false))
            .ToList();
    }

    // Hints point at whom to propose now: a household that has moved away or split, a person who has died or moved
    // away, a unit that has closed and a village merged into another are left out (a proposal can still name them).
    private static async Task<HashSet<(SubjectKind, int)>> GoneAsync(AppDbContext db, IReadOnlyCollection<(SubjectKind Kind, int Id)> subjects, CancellationToken ct)
    {
        List<int> Ids(SubjectKind kind) => subjects.Where(s => s.Kind == kind).Select(s => s.Id).ToList();
        var (households, people, units, villages) = (Ids(SubjectKind.Household), Ids(SubjectKind.Person), Ids(SubjectKind.Unit), Ids(SubjectKind.Village));
        var gone = new HashSet<(SubjectKind, int)>();
        gone.UnionWith((await db.Households.Where(h => households.Contains(h.Id) && h.Status != Households.HouseholdStatus.Resident).Select(h => h.Id).ToListAsync(ct))
            .Select(id => (SubjectKind.Household, id)));
        gone.UnionWith((await db.People.Where(p => people.Contains(p.Id) && (p.Status != Households.PersonStatus.Living || p.Household!.Status != Households.HouseholdStatus.Resident))
            .Select(p => p.Id).ToListAsync(ct)).Select(id => (SubjectKind.Person, id)));
        gone.UnionWith((await db.Units.Where(u => units.Contains(u.Id) && !u.Active).Select(u => u.Id).ToListAsync(ct)).Select(id => (SubjectKind.Unit, id)));
        gone.UnionWith((await db.Villages.Where(v => villages.Contains(v.Id) && !v.Active).Select(v => v.Id).ToListAsync(ct)).Select(id => (SubjectKind.Village, id)));
        return gone;
    }

    // Registrations name a household "Hộ Lê Văn Thử (T01-0012)": awards print the name without the register's code.
    public static string PrintedName(SubjectKind kind, string name) => kind switch
    {
        SubjectKind.Household => Decisions.DocumentTexts.PrintedName(Title.FamilyLearning, name),
        SubjectKind.Clan => Decisions.DocumentTexts.PrintedName(Title.ClanLearning, name),
        SubjectKind.Village => Decisions.DocumentTexts.PrintedName(Title.VillageCommunity, name),
        _ => Decisions.DocumentTexts.PrintedName(Title.UnitLearning, name),
    };
}
