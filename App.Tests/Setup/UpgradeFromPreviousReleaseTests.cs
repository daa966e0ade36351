using System.IO.Compression;
using System.Net;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Setup;

// The schema is in use: a database written by the previous release must open in this one with every row. The fixture
// is the demo commune of release 9ba0a01 (01/12/2026: one migration, 1.986 households, 7.000 people, 4.946
// evaluations), copied with SQLite's online backup API — exactly how that release's "Sao lưu" makes its files — so the
// same file stands for "the database the app was using" and "a backup taken before the upgrade".
public sealed class UpgradeFromPreviousReleaseTests
{
    private const string Fixture = "hoctap-release-9ba0a01.db.gz";
    private const string DemoPassword = "HocTap@2026";

    [Fact]
    public async Task Starting_this_release_on_the_previous_release_database_migrates_it_and_keeps_every_row()
    {
        using var app = new UpgradedApp();
        var old = app.PlaceFixture();
        var before = RowKeys(old);

        _ = app.Services; // starts the host: migrations run on the copied database
        await AssertEveryRowIsKeptAndReadable(app, old, before);
    }

    [Fact]
    public async Task A_backup_of_the_previous_release_restored_into_this_release_by_the_README_steps_keeps_every_row()
    {
        // This release first runs on its own fresh database…
        var dataDirectory = Path.Combine(Path.GetTempPath(), "hoctap-tests", Guid.NewGuid().ToString("N"));
        using (var fresh = new UpgradedApp(dataDirectory))
        {
            _ = fresh.Services;
            Assert.True(File.Exists(Path.Combine(dataDirectory, "hoctap.db")));
        }
        SqliteConnection.ClearAllPools();

        // …then the README's restore: keep the current file aside, remove -wal/-shm, copy the backup in, start.
        using var app = new UpgradedApp(dataDirectory);
        var database = Path.Combine(dataDirectory, "hoctap.db");
        File.Move(database, database + ".old");
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        var backup = app.PlaceFixture();
        var before = RowKeys(backup);
        try
        {
            _ = app.Services;
            await AssertEveryRowIsKeptAndReadable(app, backup, before);
        }
        finally
        {
            app.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task AssertEveryRowIsKeptAndReadable(UpgradedApp app, string oldCopy, Dictionary<string, List<string>> before)
    {
        var database = Path.Combine(app.DataDirectory, "hoctap.db");

        // Every migration of this release is applied…
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True((await db.Database.GetAppliedMigrationsAsync()).Count() > 1);
        }

        // …every row of every table of the previous release is still there, with the same key…
        var after = RowKeys(database);
        foreach (var (table, keys) in before)
        {
            Assert.True(after.ContainsKey(table), $"Bảng {table} của bản trước đã mất");
            var missing = keys.Except(after[table]).Take(5).ToList();
            Assert.True(missing.Count == 0, $"Bảng {table}: mất {string.Join(", ", missing)}");
        }
        Assert.Equal(1986, before["Households"].Count);
        Assert.Equal(7000, before["People"].Count);
        Assert.Equal(4946, before["Evaluation"].Count);

        // …and readable through this release's model: every entity type loads.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var load = typeof(UpgradeFromPreviousReleaseTests).GetMethod(nameof(LoadAll), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
            foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType != typeof(Dictionary<string, object>)))
            {
                var count = await (Task<int>)load.MakeGenericMethod(entity.ClrType).Invoke(null, [db])!;
                var table = entity.GetTableName();
                if (table is not null && before.TryGetValue(table, out var keys))
                {
                    Assert.True(count >= keys.Count, $"{entity.ClrType.Name}: đọc được {count}/{keys.Count} dòng");
                }
            }
        }

        // The people of the previous release sign in with their passwords and work on the upgraded data.
        using var client = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(client, "canbo@camtan.vn", DemoPassword);
        foreach (var path in new[] { "/", "/ho-gia-dinh", "/nhan-khau", "/cham-diem", "/quyet-dinh" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
        Assert.True(File.Exists(oldCopy));
    }

    private static async Task<int> LoadAll<T>(AppDbContext db) where T : class =>
        (await db.Set<T>().AsNoTracking().ToListAsync()).Count;

    // Each table's rows by primary key (the rowid where a table has no single-column key).
    private static Dictionary<string, List<string>> RowKeys(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var keys = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var primaryKey = new List<string>();
            using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk";
                using var reader = info.ExecuteReader();
                while (reader.Read())
                {
                    primaryKey.Add(reader.GetString(0));
                }
            }
            var key = primaryKey.Count == 0 ? "rowid" : string.Join(" || '|' || ", primaryKey.Select(c => $"\"{c}\""));
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {key} FROM \"{table}\"";
            using var rows = select.ExecuteReader();
            var values = new List<string>();
            while (rows.Read())
            {
                values.Add(Convert.ToString(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }
            keys[table] = values;
        }
        return keys;
    }

    // The app as an upgrading commune runs it: no demo seeding over its real data, its own data folder.
    private sealed class UpgradedApp : AppFactory
    {
        private readonly string? _dataDirectory;

        public UpgradedApp(string? dataDirectory = null)
        {
            _dataDirectory = dataDirectory;
            Settings["DemoData:Enabled"] = "false";
        }

        public new string DataDirectory => _dataDirectory ?? base.DataDirectory;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:DataDirectory", DataDirectory);
        }

        // Unpacks the previous release's database as this data folder's hoctap.db; returns a pristine copy beside it.
        public string PlaceFixture()
        {
            Directory.CreateDirectory(DataDirectory);
            var target = Path.Combine(DataDirectory, "hoctap.db");
            using (var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", Fixture)), CompressionMode.Decompress))
            using (var file = File.Create(target))
            {
                gz.CopyTo(file);
            }
            var pristine = Path.Combine(DataDirectory, "previous-release.db");
            File.Copy(target, pristine);
            return pristine;
        }
    }
}
