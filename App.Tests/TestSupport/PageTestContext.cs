using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.TestSupport;

// The bUnit context for the app's pages and components: MudBlazor (no snackbar transitions), loose JS interop and,
// once signed in, every app service (feature services, validators, the app's clock, WorkingYear) from a DI scope acting
// as that user's circuit, with <AuthorizeView> seeing the user's real roles. A test class owns one and disposes it in
// IAsyncLifetime.DisposeAsync (MudBlazor's services are only async-disposable; xunit 2 cannot await a constructor).
public sealed class PageTestContext : BunitContext
{
    private readonly List<AsyncServiceScope> _scopes = [];

    public PageTestContext()
    {
        // CI machines have 2 cores shared by the app, the renderer and the tests: be patient, not flaky (1 s by default).
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
    }

    // Signs in as one of the app's users (before the first render: the services are fixed then) and returns the app's
    // services as that user, for arranging data and checking it afterwards through the same scope the page uses.
    public async Task<IServiceProvider> SignInAsync(AppFactory app, string email)
    {
        var scope = await app.AsUserAsync(email);
        _scopes.Add(scope);
        var services = scope.ServiceProvider;
        var user = (await services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
        Services.AddFallbackServiceProvider(services);
        var auth = this.AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles([.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        return services;
    }

    // The popover provider MudBlazor 9 needs before a select, menu or picker opens (a missing one is only logged).
    public IRenderedComponent<MudPopoverProvider> RenderPopovers() => Render<MudPopoverProvider>();

    // The dialog provider, after the popover provider, for pages and tests that open dialogs.
    public IRenderedComponent<MudDialogProvider> RenderDialogs()
    {
        RenderPopovers();
        return Render<MudDialogProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }
    }
}
