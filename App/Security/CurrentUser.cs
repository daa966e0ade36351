using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace HocTapSuotDoi.Security;

public sealed record UserScope(string UserId, string Role, ScopeKind Kind, int CommuneId, IReadOnlySet<int> VillageIds, int? UnitId)
{
    // The e-mail of the user, written as "who" on every change.
    public string Name { get; init; } = UserId;

    public bool HasRole(params string[] roles) => roles.Contains(Role);

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool CoversCommune(int communeId) => CommuneId == communeId;

    public bool CoversVillage(int communeId, int villageId) =>
        CommuneId == communeId && (Kind == ScopeKind.Commune || (Kind == ScopeKind.Villages && VillageIds.Contains(villageId)));

    public bool CoversUnit(int communeId, int unitId) =>
        CommuneId == communeId && (Kind == ScopeKind.Commune || (Kind == ScopeKind.Unit && UnitId == unitId));
}

// The signed-in user as the services see it: in a circuit through the authentication state, in a request through
// HttpContext. Roles come from the cookie; the scope is read from the database on each call, so a change made by an
// administrator applies at once.
public sealed class CurrentUser(
    IServiceProvider services,
    IHttpContextAccessor httpContextAccessor,
    IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync()
    {
        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is not null)
        {
            try
            {
                return (await provider.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the provider has no state; fall back to the request.
            }
        }
        return httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
    }

    public async Task<UserScope> RequireScopeAsync(params string[] roles)
    {
        var principal = await GetPrincipalAsync();
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || principal.Identity?.IsAuthenticated != true)
        {
            throw new ForbiddenException("Bạn cần đăng nhập để thực hiện thao tác này.");
        }
        if (roles.Length > 0 && !roles.Any(principal.IsInRole))
        {
            throw new ForbiddenException();
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.ScopeKind, u.CommuneId, u.UnitId, u.LockoutEnd, Villages = u.Villages.Select(v => v.VillageId).ToList() })
            .SingleOrDefaultAsync() ?? throw new ForbiddenException("Tài khoản không còn tồn tại.");
        // Identity sets LockoutEnd on the system clock (UserManager takes no TimeProvider): compared on that clock.
        if (user.LockoutEnd > DateTimeOffset.UtcNow)
        {
            throw new ForbiddenException("Tài khoản của bạn đang bị khóa.");
        }
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "";
        return new UserScope(userId, role, user.ScopeKind, user.CommuneId, user.Villages.ToHashSet(), user.UnitId)
        {
            Name = principal.Identity?.Name ?? userId,
        };
    }
}
