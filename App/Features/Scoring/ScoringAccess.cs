namespace HocTapSuotDoi.Features.Scoring;

// Who may see, score and review which registration. Households, villages and people belong to a village; clans, units
// and the commune span the commune, so scoring them needs a commune-wide scope.
public static class ScoringAccess
{
    public static bool CanSee(UserScope scope, Registration r) => scope.CommuneId == r.CommuneId && scope.Role switch
    {
        Roles.Administrator or Roles.Committee or Roles.Viewer => true,
        Roles.Scorer => InScorerScope(scope, r),
        Roles.UnitReporter => r.SubjectKind == SubjectKind.Unit && r.SubjectId == scope.UnitId,
        _ => false,
    };

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

    public static IQueryable<Registration> Visible(this IQueryable<Registration> registrations, UserScope scope)
    {
        var villages = scope.VillageIds.Select(v => (int?)v).ToList();
        var commune = registrations.Where(r => r.CommuneId == scope.CommuneId);
        return scope.Role switch
        {
            Roles.Administrator or Roles.Committee or Roles.Viewer => commune,
            Roles.Scorer when scope.Kind == ScopeKind.Commune => commune,
            Roles.Scorer => commune.Where(r => villages.Contains(r.VillageId)
                && (r.SubjectKind == SubjectKind.Household || r.SubjectKind == SubjectKind.Village || r.SubjectKind == SubjectKind.Person)),
            Roles.UnitReporter => commune.Where(r => r.SubjectKind == SubjectKind.Unit && r.SubjectId == scope.UnitId),
            _ => commune.Where(r => false),
        };
    }
}
