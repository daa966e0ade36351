using HocTapSuotDoi.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
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
}
