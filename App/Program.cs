using HocTapSuotDoi.Benchmarks;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Setup;

// Benchmarks (`benchmark dashboard|reminders|registers|scoring|bulk`) run before, and mostly without, the web host.
if (args is ["benchmark", "dashboard", ..])
{
    return await DashboardBenchmark.RunAsync(args);
}
if (args is ["benchmark", "reminders", ..])
{
    return await ReminderBenchmark.RunAsync(args);
}
if (BenchmarkCommand.Handles(args))
{
    return await BenchmarkCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// MudBlazor's CSS/JS and blazor.web.js live in the build's static web assets manifest, which ASP.NET Core reads only in
// Development unless asked: `dotnet run` without a launch profile is Production. A no-op in published output.
builder.WebHost.UseStaticWebAssets();

// Settings: the root appsettings.json, then environment variables, then the command line; checked before anything runs.
builder.Configuration.AddRootSettingsFile();
AppSettings settings;
try
{
    settings = AppSettings.Load(builder.Configuration);
}
catch (InvalidSettingsException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

// Services: infrastructure (EF Core, Identity, Blazor, MudBlazor, Hangfire, health), then the features.
builder.Services.AddAppInfrastructure(settings);
builder.Services.AddAppFeatures();

var app = builder.Build();

// Database: migrations, first administrator, demo data, recurring jobs.
await app.PrepareAsync();

// HTTP: localization, assets, authentication, pages, endpoints, /health, /hangfire.
app.UseAppPipeline();

await app.RunAsync();
return 0;

public partial class Program;
