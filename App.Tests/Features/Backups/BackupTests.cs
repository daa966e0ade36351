using HocTapSuotDoi.Features.Backups;
using HocTapSuotDoi.Setup;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HocTapSuotDoi.Tests.Features.Backups;

public sealed class BackupTests(AppFactory app) : IClassFixture<AppFactory>
{
    internal static Dictionary<string, long> RowCounts(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }
        return counts;
    }

    [Fact]
    public async Task Backup_now_makes_a_readable_copy_with_the_same_row_counts()
    {
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
        var settings = scope.ServiceProvider.GetRequiredService<AppSettings>();

        var file = await backups.BackupNowAsync();

        var copy = Path.Combine(settings.BackupDirectory, file.Name);
        Assert.True(File.Exists(copy));
        Assert.False(File.Exists(copy + ".partial"));
        var original = RowCounts(settings.DatabasePath);
        Assert.True(original["AspNetUsers"] >= 5);
        Assert.True(original["Villages"] >= 10);
        Assert.Equal(original, RowCounts(copy));
        Assert.Contains(await backups.ListAsync(), b => b.Name == file.Name);
    }

    [Fact]
    public async Task Only_the_configured_number_of_backups_is_kept()
    {
        var settings = app.Services.GetRequiredService<AppSettings>();
        var own = new AppSettings
        {
            Storage = new StorageSettings { DataDirectory = Path.Combine(app.DataDirectory, "keep-test") },
            Backup = new BackupSettings { Keep = 3 },
        };
        Directory.CreateDirectory(own.DataDirectory);
        File.Copy(settings.DatabasePath, own.DatabasePath);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 19, 0, 0, TimeSpan.Zero));
        var backups = new BackupService(own, clock, null!, NullLogger<BackupService>.Instance);

        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add((await backups.CreateBackupAsync(CancellationToken.None)).Name);
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal("hoctap-20261129-020000.db", names[0]);
        var kept = Directory.GetFiles(own.BackupDirectory).Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(names.Skip(2).Order().ToList(), kept);
    }

    [Fact]
    public async Task Only_administrators_may_back_up_from_the_app()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => backups.BackupNowAsync());
        await Assert.ThrowsAsync<ForbiddenException>(backups.ListAsync);
    }
}
