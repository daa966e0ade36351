using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Registers;

// Who may read and change the registers, and which rows a user's scope covers. Every register service filters its
// queries through these, so a scorer scoped to one village never sees another village's rows, by UI or by URL.
public static class RegisterAccess
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Scorer, Roles.Viewer];
    // The same lists for [Authorize(Roles = ...)] on pages.
    public const string ReaderRoles = $"{Roles.Administrator},{Roles.Committee},{Roles.Scorer},{Roles.Viewer}";
    public const string UnitReaderRoles = $"{ReaderRoles},{Roles.UnitReporter}";
    public static readonly string[] Editors = [Roles.Administrator, Roles.Scorer];

    public static IQueryable<Household> InScope(this IQueryable<Household> households, UserScope scope)
    {
        var villages = scope.VillageIds.ToList();
        return scope.Kind switch
        {
            ScopeKind.Commune => households.Where(h => h.CommuneId == scope.CommuneId),
            ScopeKind.Villages => households.Where(h => h.CommuneId == scope.CommuneId && villages.Contains(h.VillageId)),
            _ => households.Where(h => false),
        };
    }

    // An EXISTS on the household's key, not a join: SQLite then walks the people's own indexes (search key, name order)
    // instead of every household of the commune (measured: 194 → 21 ms for a search over 100,000 people).
    public static IQueryable<Person> InScope(this IQueryable<Person> people, UserScope scope, IQueryable<Household> households)
    {
        var inScope = households.InScope(scope);
        return people.Where(p => inScope.Any(h => h.Id == p.HouseholdId));
    }

    public static IQueryable<Village> InScope(this IQueryable<Village> villages, UserScope scope)
    {
        var ids = scope.VillageIds.ToList();
        return scope.Kind switch
        {
            ScopeKind.Commune => villages.Where(v => v.CommuneId == scope.CommuneId),
            ScopeKind.Villages => villages.Where(v => v.CommuneId == scope.CommuneId && ids.Contains(v.Id)),
            _ => villages.Where(v => false),
        };
    }

    // Clans span villages: a village-scoped user sees the clans with a member household in one of their villages.
    public static IQueryable<Clan> InScope(this IQueryable<Clan> clans, UserScope scope, IQueryable<Household> households)
    {
        var ids = scope.VillageIds.ToList();
        return scope.Kind switch
        {
            ScopeKind.Commune => clans.Where(c => c.CommuneId == scope.CommuneId),
            ScopeKind.Villages => clans.Where(c => c.CommuneId == scope.CommuneId
                && c.Members.Any(m => households.Any(h => h.Id == m.HouseholdId && ids.Contains(h.VillageId)))),
            _ => clans.Where(c => false),
        };
    }

    public static IQueryable<Unit> InScope(this IQueryable<Unit> units, UserScope scope) => scope.Kind switch
    {
        ScopeKind.Unit => units.Where(u => u.CommuneId == scope.CommuneId && u.Id == scope.UnitId),
        _ => units.Where(u => u.CommuneId == scope.CommuneId),
    };
}
