using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Scoring;

// What the registration dialog filters by. HouseholdStatus applies to households only; Search ignores diacritics and case.
public sealed record CandidateFilter(Title Title, int Year, int? VillageId = null, HouseholdStatus? HouseholdStatus = HouseholdStatus.Resident, string? Search = null);

public sealed class CandidateRow
{
    public int SubjectId { get; init; }
    public string Name { get; init; } = "";
    public string Village { get; init; } = "";
    public int? VillageId { get; init; }
}

// The subjects of a title that a user may register and that are not registered yet in the year, in list order: one query
// for the paged list, its count, "register all" and the check of individually picked ids, so the four always agree.
public static class RegistrationCandidates
{
    // A household that split still lives in the commune; one that moved away is not registered.
    public static readonly IReadOnlyList<HouseholdStatus> RegistrableStatuses = [HouseholdStatus.Resident, HouseholdStatus.Split];

    // Ids are sent as one JSON parameter (EF.Parameter), whatever their number: EF Core 10 otherwise sends one SQL
    // parameter per id, and SQLite accepts at most 32.766.
    public static async Task<IQueryable<CandidateRow>> QueryAsync(AppDbContext db, UserScope scope, CandidateFilter filter,
        IReadOnlyCollection<int>? ids = null, CancellationToken ct = default)
    {
        var (title, year, villageId) = (filter.Title, filter.Year, filter.VillageId);
        var registered = db.Set<Registration>().Where(r => r.CommuneId == scope.CommuneId && r.Year == year && r.Title == title).Select(r => r.SubjectId);
        var key = VietnameseText.SearchKey(filter.Search);
        var only = ids?.ToList();
        // Nothing joins a year it was not yet in the register for (YearRule): a household, person, village or unit dated
        // after 31/12 of the year is no candidate of that year.
        var end = YearRule.EndOf(year);
        switch (ScoringTexts.SubjectOf(title))
        {
            case SubjectKind.Household:
                var statuses = RegistrableStatuses.ToList();
                var households = db.Households.AsNoTracking().InScope(scope)
                    .Where(h => statuses.Contains(h.Status) && (h.ActiveFrom == null || h.ActiveFrom <= end) && !registered.Contains(h.Id));
                if (filter.HouseholdStatus is { } status)
                {
                    households = households.Where(h => h.Status == status);
                }
                if (villageId is { } hv)
                {
                    households = households.Where(h => h.VillageId == hv);
                }
                if (key.Length > 0)
                {
                    var code = filter.Search!.Trim().ToUpperInvariant();
                    households = households.WhereHeadOrCode(db, key, code);
                }
                if (only is not null)
                {
                    households = households.Where(h => EF.Parameter(only).Contains(h.Id));
                }
                return households.OrderBy(h => h.Code).Select(h => new CandidateRow
                {
                    SubjectId = h.Id, Name = "Hộ " + h.HeadName + " (" + h.Code + ")", Village = h.Village!.Name, VillageId = h.VillageId,
                });

            case SubjectKind.Person:
                var people = db.People.AsNoTracking().InScope(scope, db.Households)
                    .Where(p => p.Status == PersonStatus.Living && p.BirthYear <= CitizenAge.LatestBirthYear(year) && (p.ActiveFrom == null || p.ActiveFrom <= end)
                        && !registered.Contains(p.Id));
                if (villageId is { } pv)
                {
                    people = people.Where(p => p.Household!.VillageId == pv);
                }
                if (key.Length > 0)
                {
                    people = people.WhereNameContains(db, key);
                }
                if (only is not null)
                {
                    people = people.Where(p => EF.Parameter(only).Contains(p.Id));
                }
                return people.OrderBy(p => p.GivenNameSort).ThenBy(p => p.Id).Select(p => new CandidateRow
                {
                    SubjectId = p.Id, Name = p.FullName, Village = p.Household!.Village!.Name, VillageId = p.Household.VillageId,
                });

            case SubjectKind.Village:
                var villages = db.Villages.AsNoTracking().InScope(scope).ExistingIn(year).Where(v => !registered.Contains(v.Id));
                if (villageId is { } vv)
                {
                    villages = villages.Where(v => v.Id == vv);
                }
                if (key.Length > 0)
                {
                    // Villages have no search column; a commune has at most a hundred.
                    var names = await villages.Select(v => new { v.Id, v.Name }).ToListAsync(ct);
                    var matching = names.Where(v => VietnameseText.SearchKey(v.Name).Contains(key)).Select(v => v.Id).ToList();
                    villages = villages.Where(v => matching.Contains(v.Id));
                }
                if (only is not null)
                {
                    villages = villages.Where(v => EF.Parameter(only).Contains(v.Id));
                }
                return villages.OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
                    .Select(v => new CandidateRow { SubjectId = v.Id, Name = v.Name, Village = v.Name, VillageId = v.Id });

            case SubjectKind.Clan:
                var clans = db.Clans.AsNoTracking().Where(c => c.CommuneId == scope.CommuneId && scope.Kind == ScopeKind.Commune && !registered.Contains(c.Id));
                if (key.Length > 0)
                {
                    clans = clans.Where(c => c.NameSearch.Contains(key));
                }
                if (only is not null)
                {
                    clans = clans.Where(c => EF.Parameter(only).Contains(c.Id));
                }
                return clans.OrderBy(c => c.Name).Select(c => new CandidateRow { SubjectId = c.Id, Name = c.Name });

            case SubjectKind.Unit:
                var units = db.Units.AsNoTracking().Where(u => u.CommuneId == scope.CommuneId && u.Active && (u.ActiveFrom == null || u.ActiveFrom <= end)
                    && scope.Kind == ScopeKind.Commune && !registered.Contains(u.Id));
                if (key.Length > 0)
                {
                    units = units.Where(u => u.NameSearch.Contains(key));
                }
                if (only is not null)
                {
                    units = units.Where(u => EF.Parameter(only).Contains(u.Id));
                }
                return units.OrderBy(u => u.Name).Select(u => new CandidateRow { SubjectId = u.Id, Name = u.Name, VillageId = u.VillageId });

            default:
                var communes = db.Communes.AsNoTracking().Where(c => c.Id == scope.CommuneId && scope.Kind == ScopeKind.Commune && !registered.Contains(c.Id));
                if (only is not null)
                {
                    communes = communes.Where(c => EF.Parameter(only).Contains(c.Id));
                }
                return communes.Select(c => new CandidateRow { SubjectId = c.Id, Name = "Xã " + c.Name });
        }
    }

    // How people name the subjects of a kind when counting them: "3.412 hộ", "120 người".
    public static string Noun(SubjectKind kind) => kind switch
    {
        SubjectKind.Household => "hộ",
        SubjectKind.Person => "người",
        SubjectKind.Village => "thôn",
        SubjectKind.Clan => "dòng họ",
        SubjectKind.Unit => "đơn vị",
        _ => "xã",
    };
}
