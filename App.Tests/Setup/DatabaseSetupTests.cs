using HocTapSuotDoi.Data;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Setup;
using HocTapSuotDoi.Tests.Features.Backups;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Setup;

public sealed class DatabaseSetupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Database_is_migrated_in_WAL_mode_in_the_data_folder()
    {
        var settings = app.Services.GetRequiredService<AppSettings>();
        Assert.Equal(Path.Combine(app.DataDirectory, "hoctap.db"), settings.DatabasePath);
        using var connection = new SqliteConnection($"Data Source={settings.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.True((long)command.ExecuteScalar()! >= 1);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "hangfire.db")));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var settings = app.Services.GetRequiredService<AppSettings>();
        var before = BackupTests.RowCounts(settings.DatabasePath);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var commune = await scope.ServiceProvider.GetRequiredService<InitialDataSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(commune);
        }
        var after = BackupTests.RowCounts(settings.DatabasePath);
        Assert.Equal(before, after);
        Assert.Single(app.Logs.Messages, m => m.Contains("mật khẩu tạm thời"));
    }

    [Fact]
    public async Task Demo_commune_is_the_tree_province_commune_villages()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.Include(c => c.Province).Include(c => c.Villages).SingleAsync();
        Assert.Equal("Cẩm Tân", commune.Name);
        Assert.Equal("Thanh Hóa", commune.Province!.Name);
        Assert.Equal(10, commune.Villages.Count);
        Assert.Equal(DemoDataSeeder.UnitSeeds.Count, await db.Units.CountAsync(u => u.CommuneId == commune.Id));
    }
}
