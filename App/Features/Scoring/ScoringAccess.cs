using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Scoring;

// Who may see, score and review which registration. Households, villages and people belong to a village; clans, units
// and the commune span the commune, so scoring them needs a commune-wide scope.
public static class ScoringAccess
{
    // One rule for the list, the sheet and its evidence: a registration is seen when Visible lists it.
    public static Task<bool> CanSeeAsync(AppDbContext db, UserScope scope, Registration r, CancellationToken ct = default) =>
        db.Set<Registration>().Visible(scope, db).AnyAsync(x => x.Id == r.Id, ct);

    public static bool CanScore(UserScope scope, Registration r) => scope.CommuneId == r.CommuneId && scope.Role switch
    {
        Roles.Administrator => true,
        Roles.Scorer => InScorerScope(scope, r),
        Roles.UnitReporter => r.SubjectKind == SubjectKind.Unit && r.SubjectId == scope.UnitId && ScoringTexts.IsSelfAssessed(r.Title),
        _ => false,
    };

    public static bool CanReview(UserScope scope, Registration r) =>
        scope.CommuneId == r.CommuneId && scope.Role is Roles.Committee or Roles.Administrator;

    private static bool InScorerScope(UserScope scope, Registration r) => scope.Kind switch
    {
        ScopeKind.Commune => true,
        ScopeKind.Villages => r.VillageId is { } v && scope.VillageIds.Contains(v)
            && r.SubjectKind is SubjectKind.Household or SubjectKind.Village or SubjectKind.Person,
        _ => false,
    };

    public static IQueryable<Registration> Visible(this IQueryable<Registration> registrations, UserScope scope, AppDbContext db)
    {
        var villages = scope.VillageIds.Select(v => (int?)v).ToList();
        var commune = registrations.Where(r => r.CommuneId == scope.CommuneId);
        return scope.Role switch
        {
            Roles.Administrator or Roles.Committee => commune,
            Roles.Viewer => ForViewer(commune, scope, villages, db),
            Roles.Scorer when scope.Kind == ScopeKind.Commune => commune,
            Roles.Scorer => commune.Where(r => villages.Contains(r.VillageId)
                && (r.SubjectKind == SubjectKind.Household || r.SubjectKind == SubjectKind.Village || r.SubjectKind == SubjectKind.Person)),
            Roles.UnitReporter => commune.Where(r => r.SubjectKind == SubjectKind.Unit && r.SubjectId == scope.UnitId),
            _ => commune.Where(r => false),
        };
    }

    // A viewer reads what their scope covers as the registers draw it: a villages scope its villages' households, people
    // and villages, and the clans with a member household there. Units and the commune itself are commune-wide: the
    // units register shows them to every scope but a unit's, so a villages scope reads them too, a unit scope its unit.
    private static IQueryable<Registration> ForViewer(IQueryable<Registration> commune, UserScope scope, List<int?> villages, AppDbContext db)
    {
        var clans = db.Clans.InScope(scope, db.Households).Select(c => c.Id);
        return scope.Kind switch
        {
            ScopeKind.Commune => commune,
            ScopeKind.Villages => commune.Where(r =>
                ((r.SubjectKind == SubjectKind.Household || r.SubjectKind == SubjectKind.Village || r.SubjectKind == SubjectKind.Person) && villages.Contains(r.VillageId))
                || (r.SubjectKind == SubjectKind.Clan && clans.Contains(r.SubjectId))
                || r.SubjectKind == SubjectKind.Unit || r.SubjectKind == SubjectKind.Commune),
            ScopeKind.Unit => commune.Where(r => r.SubjectKind == SubjectKind.Unit && r.SubjectId == scope.UnitId),
            _ => commune.Where(r => false),
        };
    }
}
