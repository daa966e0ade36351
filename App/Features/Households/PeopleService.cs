using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Households;

public sealed record PersonQuery(string? Search = null, int? VillageId = null, PersonStatus? Status = null,
    CitizenGroup? TargetGroup = null, NameOrder Order = NameOrder.GivenName);

public sealed record PersonRow(int Id, int HouseholdId, string FullName, DateOnly? BirthDate, int? BirthYear, Sex Sex,
    Relation Relation, string HouseholdCode, string Village, EducationLevel Education, CitizenGroup TargetGroup, PersonStatus Status);

// The people register (nhân khẩu): the citizens of "Công dân học tập". Search is done by the database on stored keys.
public sealed class PeopleService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public static IQueryable<Person> Filter(AppDbContext db, UserScope scope, PersonQuery query)
    {
        var people = db.People.AsNoTracking().InScope(scope, db.Households)
            .WhereGiven(query.VillageId, villageId => p => p.Household!.VillageId == villageId)
            .WhereGiven(query.Status, status => p => p.Status == status)
            .WhereGiven(query.TargetGroup, group => p => p.TargetGroup == group);
        var search = VietnameseText.SearchKey(query.Search);
        if (search.Length > 0)
        {
            people = search.All(char.IsAsciiDigit) && search.Length >= 6
                ? people.Where(p => p.NationalId != null && p.NationalId.StartsWith(search))
                : people.WhereNameContains(db, search);
        }
        return people;
    }

    public static IQueryable<Person> Sort(IQueryable<Person> people, PersonQuery query, PageRequest page) =>
        (page.SortBy, page.Descending) switch
        {
            ("Birth", false) => people.OrderBy(p => p.BirthYear).ThenBy(p => p.BirthDate).ThenBy(p => p.Id),
            ("Birth", true) => people.OrderByDescending(p => p.BirthYear).ThenByDescending(p => p.BirthDate).ThenBy(p => p.Id),
            ("Household", false) => people.OrderBy(p => p.Household!.Code).ThenBy(p => p.SortOrder),
            ("Household", true) => people.OrderByDescending(p => p.Household!.Code).ThenBy(p => p.SortOrder),
            (_, var descending) when query.Order == NameOrder.FamilyName =>
                descending ? people.OrderByDescending(p => p.FullNameSort).ThenBy(p => p.Id) : people.OrderBy(p => p.FullNameSort).ThenBy(p => p.Id),
            (_, var descending) =>
                descending ? people.OrderByDescending(p => p.GivenNameSort).ThenBy(p => p.Id) : people.OrderBy(p => p.GivenNameSort).ThenBy(p => p.Id),
        };

    public static IQueryable<PersonRow> Project(IQueryable<Person> people) =>
        people.Select(p => new PersonRow(p.Id, p.HouseholdId, p.FullName, p.BirthDate, p.BirthYear, p.Sex, p.Relation,
            p.Household!.Code, p.Household.Village!.Name, p.Education, p.TargetGroup, p.Status));

    public async Task<PageResult<PersonRow>> ListAsync(PersonQuery query, PageRequest page, CancellationToken ct = default)
    {
        var result = await PageAsync(query, page, null, ct);
        return new PageResult<PersonRow>(result.Items, result.Total);
    }

    // A page of the list; cursor: from the neighbouring page the grid showed before (PeoplePageResult.CursorTo), so a deep
    // page seeks the name index instead of skipping every row before it (PeoplePaging).
    public async Task<PeoplePageResult> PageAsync(PersonQuery query, PageRequest page, PersonCursor? cursor, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, scope, query);
        var total = await filtered.CountAsync(ct);
        // The page's ids along the sort index only; the row's details are read for the page's rows alone.
        var keys = await PeoplePaging.KeysAsync(filtered, query, page, total, cursor, ct);
        var ids = keys.Select(k => k.Id).ToList();
        var rows = await Project(db.People.AsNoTracking().Where(p => ids.Contains(p.Id))).ToDictionaryAsync(p => p.Id, ct);
        var byName = PeoplePaging.ByName(page) && keys.Count > 0;
        return new PeoplePageResult(ids.Select(id => rows[id]).ToList(), total, query, page, byName ? keys[0] : null, byName ? keys[^1] : null);
    }
}
