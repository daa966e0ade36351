using HocTapSuotDoi.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.TestSupport;

// A DI scope that acts as a signed-in user's circuit (the principal Identity would put in the cookie), to call services directly.
public static class UserScopes
{
    public static async Task<AsyncServiceScope> AsUserAsync(this AppFactory app, string email)
    {
        var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        // What Blazor does when a circuit starts: the scope's authentication state is the user's.
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    // An account with the demo password, of a role and a scope of the given villages (none: the whole commune); idempotent.
    public static async Task AddUserAsync(this AppFactory app, string email, string role, params string[] villageCodes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var villages = await db.Villages.Where(v => villageCodes.Contains(v.Code)).Select(v => v.Id).ToListAsync();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = email, CommuneId = await db.Communes.Select(c => c.Id).FirstAsync(),
            ScopeKind = villageCodes.Length == 0 ? ScopeKind.Commune : ScopeKind.Villages,
        };
        user.Villages = villages.Select(v => new UserVillage { UserId = user.Id, VillageId = v }).ToList();
        Assert.True((await users.CreateAsync(user, AppFactory.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, role);
    }
}
