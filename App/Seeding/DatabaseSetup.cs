using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Seeding;

public static class DatabaseSetup
{
    // At every start: migrations, WAL, roles and first administrator, demo data if switched on, recurring jobs.
    public static async Task PrepareAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AppSettings>();
        Directory.CreateDirectory(settings.DataDirectory);
        Directory.CreateDirectory(settings.BackupDirectory);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while a writer writes; the setting is stored in the database file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await Features.Scoring.RegistrationSortKeys.FillAsync(db);
            var commune = await scope.ServiceProvider.GetRequiredService<InitialDataSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<Features.Criteria.CriteriaLibrarySeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<Features.Targets.NationalTargetsSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<Features.Emulation.EmulationCriteriaSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<Features.PlanTasks.PlanTaskSeeder>().SeedAsync();
            if (settings.DemoData.Enabled)
            {
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(commune);
                await scope.ServiceProvider.GetRequiredService<DemoFundingSeeder>().SeedAsync(commune);
            }
        }

        app.Services.GetRequiredService<RecurringJobs>().Register();
    }
}
