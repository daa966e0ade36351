using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Setup;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Benchmarks;

// The app's own services on a fresh temporary data folder (migrated, first administrator, no web server, no jobs),
// for benchmarks of code that checks the signed-in user.
public sealed class BenchmarkHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@benchmark.vn";
    private readonly string _folder;
    private readonly bool _keep;

    private BenchmarkHost(WebApplication app, string folder, bool keep) => (App, _folder, _keep) = (app, folder, keep);

    public WebApplication App { get; }

    public string Folder => _folder;

    // folder: an existing data folder (kept by an earlier run) to measure again without building it; keep: leave the
    // folder in place when done.
    public static async Task<BenchmarkHost> StartAsync(string? folder = null, bool keep = false)
    {
        keep |= folder is not null;
        folder ??= Path.Combine(Path.GetTempPath(), "hoctap-benchmark-host-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = folder, ["Hangfire:ServerEnabled"] = "false", ["DemoData:Enabled"] = "false",
            ["Admin:Email"] = AdminEmail, ["Admin:Password"] = "Benchmark-2026", ["Scoring:RegistrationCloses"] = "31/12",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        var settings = AppSettings.Load(builder.Configuration);
        builder.Services.AddAppInfrastructure(settings);
        builder.Services.AddAppFeatures();
        var app = builder.Build();
        await app.PrepareAsync();
        return new BenchmarkHost(app, folder, keep);
    }

    // A DI scope acting as the administrator, as a circuit of a signed-in user would.
    public async Task<AsyncServiceScope> AsAdministratorAsync()
    {
        var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
            .CreateAsync((await users.FindByEmailAsync(AdminEmail))!);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keep)
        {
            return;
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temporary folder is cleaned by the OS.
        }
    }
}
