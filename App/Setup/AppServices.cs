using Hangfire;
using Hangfire.Storage.SQLite;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Account;
using HocTapSuotDoi.Features.Backups;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Emulation;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Features.Home;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Units;
using HocTapSuotDoi.Features.Users;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Seeding;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace HocTapSuotDoi.Setup;

public static class AppServices
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // appsettings.json lives at the repository root and is copied next to the app; it is read at the place of the
    // default appsettings.json, so environment variables and the command line still override it.
    public static void AddRootSettingsFile(this ConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var defaultJson = sources.OfType<JsonConfigurationSource>().FirstOrDefault(s => s.Path == "appsettings.json");
        var index = defaultJson is null ? 0 : sources.IndexOf(defaultJson) + 1;
        sources.Insert(index, new JsonConfigurationSource
        {
            Path = "appsettings.json",
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Optional = true,
            ReloadOnChange = false,
        });
    }

    public static void AddAppInfrastructure(this IServiceCollection services, AppSettings settings)
    {
        CultureInfo.DefaultThreadCurrentCulture = Vietnamese;
        CultureInfo.DefaultThreadCurrentUICulture = Vietnamese;
        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("vi");
        VnTime.Zone = settings.TimeZone;

        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<VnClock>();
        services.AddHttpContextAccessor();
        // A download address with a missing or malformed parameter (typed or cut by hand) answers a bodyless 400, which the
        // status-code pages turn into the Vietnamese page, in every environment (Development would otherwise throw and
        // answer the exception's English text).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        // Keys that protect the sign-in cookie live in the data folder, so a restart (or a container) keeps sessions.
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")))
            .SetApplicationName("HocTapSuotDoi");
        // A list in a query (ids.Contains(x.Id)) goes as one JSON parameter, as in EF Core 8 and 9, not one SQL parameter per
        // value: a merged commune's bulk actions pass tens of thousands of ids, and SQLite takes 32.766 at most (decision 030).
        services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(settings.ConnectionString, s => s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)));

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();
        // The cookie's security stamp is checked on every request (one small query): a password change, a lock or a
        // role change signs the user's other sessions out at their next request, not a minute later.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/dang-nhap";
            o.LogoutPath = "/dang-xuat";
            o.AccessDeniedPath = "/khong-co-quyen";
            o.Cookie.Name = "HocTap.Auth";
            // Secure whenever the request is HTTPS, including HTTPS ended at a configured reverse proxy.
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        services.AddAuthorization(Policies.Configure);
        services.AddReverseProxySupport(settings);

        // Vietnamese text is written as is, not as &#x...; entities (pages half the size, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddTransient<MudBlazor.MudLocalizer, VietnameseMudLocalizer>();

        // Hangfire's process-wide statics point at this host while it lives and are reset when it is disposed. The storage
        // and the job activator every part of this host uses come from its own container, never from the statics, so two
        // hosts in one process (tests) each keep their own storage file and service scopes. Registered before AddHangfire,
        // whose defaults (read the statics) are only added when none is.
        services.AddSingleton<HangfireGlobals>();
        services.AddSingleton<JobStorage>(provider =>
        {
            _ = provider.GetRequiredService<IGlobalConfiguration>();
            return provider.GetRequiredService<HangfireGlobals>().Storage;
        });
        services.AddSingleton<JobActivator>(provider => new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, c) =>
            provider.GetRequiredService<HangfireGlobals>().TakeOver(c, provider.GetRequiredService<JobActivator>(), provider.GetRequiredService<ILoggerFactory>(),
                () => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                    .UseSimpleAssemblyNameTypeSerializer()
                    .UseRecommendedSerializerSettings()
                    .UseSQLiteStorage(settings.HangfireDatabasePath, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(2) })
                    .Entry));
        if (settings.Hangfire.ServerEnabled)
        {
            services.AddHangfireServer(o => o.WorkerCount = settings.Hangfire.WorkerCount);
        }

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<HangfireHealthCheck>("hangfire");
    }

    // Every feature service, listed; the tests call the same method.
    public static void AddAppFeatures(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<AppSettingsValidator>(ServiceLifetime.Singleton);
        services.AddScoped<CurrentUser>();
        services.AddScoped<WorkingYear>();
        services.AddScoped<ShellService>();
        services.AddScoped<AccountService>();
        services.AddSingleton<UnknownAccountSignIns>();
        services.AddScoped<HomeService>();
        services.AddScoped<UserService>();
        services.AddScoped<BackupService>();
        services.AddScoped<HocTapSuotDoi.Jobs.BackgroundJobsService>();
        services.AddScoped<VillageService>();
        services.AddScoped<VillageMergeService>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<PeopleService>();
        services.AddScoped<ClanService>();
        services.AddScoped<UnitService>();
        services.AddScoped<CriteriaSetService>();
        services.AddScoped<CriteriaLibrarySeeder>();
        services.AddSingleton<ComputedInputsService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<EvaluationService>();
        services.AddSingleton<SheetChanges>();
        services.AddScoped<BulkReviewService>();
        services.AddScoped<Features.Scoring.ResultsImport.ResultsImportService>();
        services.AddScoped<HocTapSuotDoi.Features.YearData.EnteredFigureService>();
        services.AddScoped<HocTapSuotDoi.Features.YearData.PastYearFigureService>();
        services.AddScoped<HocTapSuotDoi.Features.YearData.PastLists.PastListService>();
        services.AddScoped<EvidenceService>();
        services.AddRegisterExcel();
        services.AddDecisions();
        services.AddScoped<BackupDatabaseJob>();
        services.AddDeadlines();
        services.AddSingleton<RecurringJobs>();
        services.AddScoped<InitialDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddDashboard();
        services.AddEmulation();
        Features.Awards.AwardEndpoints.AddAwards(services);
        services.AddFunding();
    }
}
